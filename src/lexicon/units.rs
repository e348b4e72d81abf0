//! Units of measure: each row a unit, its dimension, its size in the dimension's
//! base unit and the compared forms it is written in (lowercase, singular, words
//! joined by one space, symbols as folded: `km/h`, `km²`, `°c`). A spelling in two
//! rows has two readings (`ton`: short or long; `pound`: a weight or a currency).

/// What a unit measures: units of one dimension convert into one another. Each
/// currency is a dimension of its own, so that no currency is converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Base: metre.
    Length,
    /// Base: kilogram.
    Mass,
    /// Base: watt.
    Power,
    /// Base: metre per second.
    Speed,
    /// Base: kelvin (conversions are affine).
    Temperature,
    /// Base: square metre.
    Area,
    /// Base: cubic metre.
    Volume,
    /// Base: second.
    Time,
    /// A currency, by its ISO code.
    Currency(&'static str),
}

impl Dimension {
    /// The dimension's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Mass => "mass",
            Dimension::Power => "power",
            Dimension::Speed => "speed",
            Dimension::Temperature => "temperature",
            Dimension::Area => "area",
            Dimension::Volume => "volume",
            Dimension::Time => "time",
            Dimension::Currency(_) => "money",
        }
    }
}

/// One unit of the table.
#[derive(Debug, PartialEq)]
pub struct Unit {
    /// The symbol shown where the document's own word for the unit is not at hand.
    pub symbol: &'static str,
    pub dimension: Dimension,
    /// The unit's size in the dimension's base unit: base = value × factor + offset.
    pub factor: f64,
    /// Zero but for temperatures (°C: 273.15).
    pub offset: f64,
    /// The compared forms of the unit.
    pub spellings: &'static [&'static str],
}

const fn unit(
    symbol: &'static str,
    dimension: Dimension,
    factor: f64,
    spellings: &'static [&'static str],
) -> Unit {
    Unit {
        symbol,
        dimension,
        factor,
        offset: 0.0,
        spellings,
    }
}

use Dimension::{Area, Length, Mass, Power, Speed, Temperature, Time, Volume};

const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.25 * DAY;
const FOOT: f64 = 0.3048;
const MILE: f64 = 1_609.344;
const POUND: f64 = 0.453_592_37;
const US_GALLON: f64 = 0.003_785_411_784;

/// Every unit factlint converts. Months and years are the mean ones (30.44 and
/// 365.25 days); `ton` and `gallon` have two readings each, and either agrees.
pub static UNITS: &[Unit] = &[
    // Length.
    unit("m", Length, 1.0, &["m", "meter", "metre"]),
    unit("cm", Length, 0.01, &["centimeter", "centimetre", "cm"]),
    unit("mm", Length, 0.001, &["millimeter", "millimetre", "mm"]),
    unit("km", Length, 1_000.0, &["kilometer", "kilometre", "km"]),
    unit("ft", Length, FOOT, &["'", "foot", "ft", "′"]),
    unit("in", Length, 0.0254, &["\"", "in", "inch", "″"]),
    unit("yd", Length, 0.9144, &["yard", "yd"]),
    unit("mi", Length, MILE, &["mi", "mile", "statute mile"]),
    unit("nmi", Length, 1_852.0, &["nautical mile", "nmi"]),
    // Mass.
    unit("g", Mass, 0.001, &["g", "gram", "gramme"]),
    unit("mg", Mass, 1e-6, &["mg", "milligram"]),
    unit("kg", Mass, 1.0, &["kg", "kilo", "kilogram", "kilogramme"]),
    unit(
        "t",
        Mass,
        1_000.0,
        &["metric ton", "metric tonne", "t", "tonne"],
    ),
    unit("short ton", Mass, 2_000.0 * POUND, &["short ton", "ton"]),
    unit("long ton", Mass, 2_240.0 * POUND, &["long ton", "ton"]),
    unit("lb", Mass, POUND, &["lb", "pound"]),
    unit("oz", Mass, POUND / 16.0, &["ounce", "oz"]),
    unit("st", Mass, 14.0 * POUND, &["stone"]),
    // Power.
    unit("W", Power, 1.0, &["w", "watt"]),
    unit("kW", Power, 1_000.0, &["kilowatt", "kw"]),
    unit("MW", Power, 1e6, &["megawatt", "mw"]),
    unit("GW", Power, 1e9, &["gigawatt", "gw"]),
    unit(
        "hp",
        Power,
        745.699_871_582_270_2,
        &["horse power", "horsepower", "hp"],
    ),
    // Speed.
    unit(
        "m/s",
        Speed,
        1.0,
        &["m/s", "meter per second", "metre per second"],
    ),
    unit(
        "km/h",
        Speed,
        1_000.0 / 3_600.0,
        &[
            "kilometer per hour",
            "kilometre per hour",
            "km per hour",
            "km/h",
            "kmh",
            "kph",
        ],
    ),
    unit("mph", Speed, MILE / 3_600.0, &["mile per hour", "mph"]),
    unit("kn", Speed, 1_852.0 / 3_600.0, &["kn", "knot", "kt"]),
    // Temperature (kelvin base).
    Unit {
        symbol: "°C",
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
        spellings: &[
            "celsius",
            "centigrade",
            "degree celsius",
            "degree centigrade",
            "°c",
        ],
    },
    Unit {
        symbol: "°F",
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
        spellings: &["degree fahrenheit", "fahrenheit", "°f"],
    },
    unit("K", Temperature, 1.0, &["k", "kelvin"]),
    // Area.
    unit(
        "m²",
        Area,
        1.0,
        &[
            "m2",
            "m²",
            "sq m",
            "square m",
            "square meter",
            "square metre",
        ],
    ),
    unit(
        "km²",
        Area,
        1e6,
        &[
            "km2",
            "km²",
            "sq km",
            "square kilometer",
            "square kilometre",
            "square km",
        ],
    ),
    unit(
        "sq ft",
        Area,
        FOOT * FOOT,
        &["ft2", "ft²", "sq ft", "square foot", "square ft"],
    ),
    unit(
        "sq mi",
        Area,
        MILE * MILE,
        &["mi2", "mi²", "sq mi", "square mi", "square mile"],
    ),
    unit("acre", Area, 4_046.856_422_4, &["acre"]),
    unit("ha", Area, 10_000.0, &["ha", "hectare"]),
    // Volume.
    unit("l", Volume, 0.001, &["l", "liter", "litre"]),
    unit("ml", Volume, 1e-6, &["milliliter", "millilitre", "ml"]),
    unit("gal", Volume, US_GALLON, &["gal", "gallon", "us gallon"]),
    unit(
        "imp gal",
        Volume,
        0.004_546_09,
        &["gal", "gallon", "imperial gallon"],
    ),
    unit(
        "m³",
        Volume,
        1.0,
        &["cu m", "cubic m", "cubic meter", "cubic metre", "m3", "m³"],
    ),
    unit(
        "cu ft",
        Volume,
        FOOT * FOOT * FOOT,
        &["cu ft", "cubic foot", "cubic ft", "ft3", "ft³"],
    ),
    unit("bbl", Volume, 42.0 * US_GALLON, &["barrel", "bbl"]),
    // Time.
    unit("ms", Time, 0.001, &["millisecond", "ms"]),
    unit("s", Time, 1.0, &["s", "sec", "second"]),
    unit("min", Time, 60.0, &["min", "minute"]),
    unit("h", Time, 3_600.0, &["h", "hour", "hr"]),
    unit("day", Time, DAY, &["day"]),
    unit("week", Time, 7.0 * DAY, &["week", "wk"]),
    unit("fortnight", Time, 14.0 * DAY, &["fortnight"]),
    unit("month", Time, 30.44 * DAY, &["month"]),
    unit("year", Time, YEAR, &["year", "yr"]),
    unit("decade", Time, 10.0 * YEAR, &["decade"]),
    unit("century", Time, 100.0 * YEAR, &["century"]),
    // Currencies: each its own dimension.
    unit(
        "$",
        Dimension::Currency("USD"),
        1.0,
        &["$", "dollar", "us dollar", "us$", "usd"],
    ),
    unit("€", Dimension::Currency("EUR"), 1.0, &["eur", "euro", "€"]),
    unit(
        "£",
        Dimension::Currency("GBP"),
        1.0,
        &["gbp", "pound", "pound sterling", "sterling", "£"],
    ),
    unit("¥", Dimension::Currency("JPY"), 1.0, &["jpy", "yen", "¥"]),
    unit(
        "₽",
        Dimension::Currency("RUB"),
        1.0,
        &["rouble", "rub", "ruble", "₽"],
    ),
];
