-- Drives `factlint lsp` from Neovim's built-in client (0.7 and later: only
-- start_client and buf_attach_client), headless. Run by tests/neovim.rs, which
-- sets FACTLINT_BIN, FACTLINT_ROOT and FACTLINT_OUT and checks the report this
-- writes there as JSON: the document's diagnostics when opened, the buffer and
-- the diagnostics after the ice-pick quick fix, and the diagnostics after a
-- claims file is edited and written.
local bin = vim.env.FACTLINT_BIN
local root = vim.env.FACTLINT_ROOT
local out = vim.env.FACTLINT_OUT
local report = {}

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code or (d.user_data and d.user_data.lsp.code),
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return list
end

local function wait_for(what, buf, accept)
  local ok = vim.wait(30000, function() return accept(diagnostics(buf)) end, 20)
  if not ok then
    error("timed out waiting for " .. what .. ": " .. vim.fn.json_encode(diagnostics(buf)))
  end
  return diagnostics(buf)
end

local function has_code(list, code)
  for _, d in ipairs(list) do
    if d.code == code then return true end
  end
  return false
end

local function main()
  vim.o.hidden = true
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/docs/seed.md"))
  local doc = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = "factlint", cmd = { bin, "lsp" }, root_dir = root })
  assert(client_id, "the client did not start")
  vim.lsp.buf_attach_client(doc, client_id)
  report.opened = wait_for("the diagnostics", doc, function(l) return #l > 0 end)

  -- The ice-pick quick fix, asked for at the finding and applied by the client.
  local client = vim.lsp.get_client_by_id(client_id)
  local pick
  for _, d in ipairs(report.opened) do
    if d.code == "death.weapon" then pick = d end
  end
  assert(pick, "no death.weapon diagnostic")
  local line = vim.api.nvim_buf_get_lines(doc, pick.lnum, pick.lnum + 1, true)[1]
  local _, character = vim.str_utfindex(line, pick.col)
  local position = { line = pick.lnum, character = character }
  local answer = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(doc) },
    range = { start = position, ["end"] = position },
    context = { diagnostics = {} },
  }, 10000, doc)
  assert(answer and answer.result, "no code actions")
  local fix
  for _, action in ipairs(answer.result) do
    if action.title == 'Replace with "ice axe"' then fix = action end
  end
  assert(fix, "no fix among " .. vim.fn.json_encode(answer.result))
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  report.fixed_line = vim.api.nvim_buf_get_lines(doc, pick.lnum, pick.lnum + 1, true)[1]
  report.fixed = wait_for("the fix's diagnostics", doc, function(l)
    return #l > 0 and not has_code(l, "death.weapon")
  end)

  -- A claims file edited and written: icl.name becomes an error.
  local claims_path = root .. "/claims/trotsky.toml"
  vim.cmd("edit " .. vim.fn.fnameescape(claims_path))
  local claims = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(claims, client_id)
  local lines = vim.api.nvim_buf_get_lines(claims, 0, -1, true)
  local in_icl = false
  for i, l in ipairs(lines) do
    if l:match('^id = ') then in_icl = (l == 'id = "icl.name"') end
    if in_icl and l == 'severity = "warning"' then
      vim.api.nvim_buf_set_lines(claims, i - 1, i, true, { 'severity = "error"' })
      break
    end
  end
  vim.cmd("write")
  -- Neovim 0.7 watches no files: tell the server what a watcher would.
  client.notify("workspace/didChangeWatchedFiles", {
    changes = { { uri = vim.uri_from_fname(claims_path), type = 2 } },
  })
  report.reloaded = wait_for("the re-check", doc, function(l)
    for _, d in ipairs(l) do
      if d.code == "icl.name" and d.severity == vim.diagnostic.severity.ERROR then return true end
    end
    return false
  end)
end

local ok, err = pcall(main)
report.error = (not ok) and tostring(err) or vim.NIL
local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode(report))
f:close()
vim.cmd("qall!")
