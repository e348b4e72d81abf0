"""Check documents against a claims file with factlint, on Spark.

Each partition of documents is piped, as JSON lines, through

    factlint check --input jsonl --format jsonl --claims CLAIMS --no-config -

and the finding lines that come back are written as Parquet, one row per finding.
The claims file and the factlint binary travel to the executors with the job
(SparkContext.addFile here, or `spark-submit --files` on a cluster).

    spark-submit examples/spark/factlint_spark.py \
        --input 'docs/*.txt' --input-format text \
        --claims claims/facts.toml --factlint target/release/factlint \
        --output findings.parquet
"""

import argparse
import json
import os
import posixpath
import shutil
import stat
import subprocess
import tempfile
import threading
from urllib.parse import urlparse

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    LongType,
    StringType,
    StructField,
    StructType,
)

# The diagnostic fields of factlint's JSON schema (version 1), in its order; any
# other field of a line was passed through from the document's input line.
DIAGNOSTIC = [
    "claim",
    "severity",
    "message",
    "path",
    "span",
    "line",
    "column",
    "end_line",
    "end_column",
    "found",
    "expected",
    "fix",
    "assertion",
]

SCHEMA = StructType(
    [
        StructField("claim", StringType(), False),
        StructField("severity", StringType(), False),
        StructField("message", StringType(), False),
        StructField("path", StringType(), False),
        StructField(
            "span",
            StructType(
                [
                    StructField("start", LongType(), False),
                    StructField("end", LongType(), False),
                ]
            ),
            False,
        ),
        StructField("line", LongType(), False),
        StructField("column", LongType(), False),
        StructField("end_line", LongType(), False),
        StructField("end_column", LongType(), False),
        StructField("found", StringType(), False),
        StructField("expected", StringType(), False),
        StructField(
            "fix",
            StructType(
                [
                    StructField("replacement", StringType(), False),
                    StructField("applicability", StringType(), False),
                ]
            ),
            True,
        ),
        StructField("assertion", StringType(), False),
        # The document's other input fields, as one JSON object (null when none).
        StructField("extra", StringType(), True),
    ]
)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True,
                   help="a directory or glob of text files, or JSON lines, or Parquet")
    p.add_argument("--input-format", choices=["text", "jsonl", "parquet"], default="text",
                   help="text: one document per file, its id the path below the input "
                        "directory; jsonl: lines of {id, text, ...}; parquet: rows with "
                        "id and text columns (other columns are passed through)")
    p.add_argument("--claims", required=True,
                   help="the claims file (shipped to the executors)")
    p.add_argument("--factlint", default="factlint",
                   help="the factlint binary to ship; on a cluster, the name of the one "
                        "given to --files")
    p.add_argument("--markup", choices=["auto", "text", "markdown", "html"], default="auto")
    p.add_argument("--output", required=True, help="where to write the findings (Parquet)")
    p.add_argument("--partitions", type=int, default=0,
                   help="repartition the documents into this many partitions first")
    p.add_argument("--master", help="the Spark master, where spark-submit does not set it")
    return p.parse_args(argv)


def root_of(input_path):
    """The directory the ids of text files are relative to: the input path up to
    its first glob character, or the input's directory when it names a file."""
    parts = input_path.split("/")
    fixed = []
    for part in parts:
        if any(c in part for c in "*?[{"):
            break
        fixed.append(part)
    root = "/".join(fixed) or "."
    if len(fixed) == len(parts) and "://" not in root and os.path.isfile(root):
        root = os.path.dirname(root) or "."
    if "://" in root or root.startswith("file:"):
        return urlparse(root).path.rstrip("/")
    return os.path.abspath(root).rstrip("/")


def relative_id(uri, root):
    path = urlparse(uri).path
    if path.startswith(root + "/"):
        return posixpath.relpath(path, root)
    return path


def documents(spark, args):
    """The documents as JSON lines: one string per document."""
    sc = spark.sparkContext
    if args.input_format == "text":
        root = root_of(args.input)
        return sc.wholeTextFiles(args.input).map(
            lambda kv: json.dumps({"id": relative_id(kv[0], root), "text": kv[1]})
        )
    if args.input_format == "jsonl":
        return sc.textFile(args.input).filter(lambda line: line.strip() != "")
    return spark.read.parquet(args.input).toJSON()


def shipped(name):
    """Where a shipped file lies on an executor: with the files of addFile and of
    `--files` (on YARN, `--files` puts them in the container's working directory)."""
    path = SparkFiles.get(name)
    if os.path.exists(path):
        return path
    return os.path.join(os.getcwd(), name)


def executable(name):
    """The shipped file `name` as an executable: a copy where the shipped one may
    not be run (files shipped to a cluster can lose their mode)."""
    path = shipped(name)
    if os.access(path, os.X_OK):
        return path
    copy = os.path.join(tempfile.mkdtemp(prefix="factlint-"), name)
    shutil.copyfile(path, copy)
    os.chmod(copy, os.stat(copy).st_mode | stat.S_IXUSR)
    return copy


def check_partition(factlint_name, claims_name, markup):
    """A function of a partition's JSON-line documents to its finding lines."""

    def run(lines):
        command = [
            executable(factlint_name), "check", "--input", "jsonl", "--format", "jsonl",
            "--claims", shipped(claims_name), "--no-config", "--markup", markup,
            "--color", "never", "-",
        ]
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        errors = []
        writer = threading.Thread(target=feed)
        reader = threading.Thread(target=lambda: errors.append(proc.stderr.read()))
        writer.start()
        reader.start()
        for out in proc.stdout:
            yield out.decode("utf-8")
        writer.join()
        reader.join()
        code = proc.wait()
        # 0: no error-severity finding; 1: some; 2: a document or the claims failed.
        if code not in (0, 1):
            raise RuntimeError(
                f"factlint exited {code}: {b''.join(errors).decode('utf-8', 'replace')}"
            )

    return run


def to_row(line):
    """A finding line as a row of SCHEMA."""
    d = json.loads(line)
    extra = {k: v for k, v in d.items() if k not in DIAGNOSTIC}
    fix = d["fix"]
    return (
        d["claim"], d["severity"], d["message"], d["path"],
        (d["span"]["start"], d["span"]["end"]),
        d["line"], d["column"], d["end_line"], d["end_column"],
        d["found"], d["expected"],
        None if fix is None else (fix["replacement"], fix["applicability"]),
        d["assertion"],
        json.dumps(extra, sort_keys=True) if extra else None,
    )


def main(argv=None):
    args = parse_args(argv)
    builder = SparkSession.builder.appName("factlint")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    # On a cluster, spark-submit --files has shipped them already; addFile ships
    # them from here otherwise (and is harmless where they were).
    shipped = set(os.path.basename(f) for f in sc.getConf().get("spark.files", "").split(",") if f)
    for path in (args.claims, args.factlint):
        if os.path.basename(path) not in shipped and os.path.exists(path):
            sc.addFile(os.path.abspath(path))
    docs = documents(spark, args)
    if args.partitions > 0:
        docs = docs.repartition(args.partitions)
    findings = docs.mapPartitions(
        check_partition(os.path.basename(args.factlint), os.path.basename(args.claims),
                        args.markup)
    ).map(to_row)
    spark.createDataFrame(findings, SCHEMA).write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
