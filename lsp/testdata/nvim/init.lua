-- Neovim configuration that starts `py314 lsp` for Python buffers. It works
-- with Neovim 0.7 and later; see the README for the shorter setup of newer
-- versions.
--
--   PY314_BIN       the py314 binary (default: py314 on the PATH)
--   PY314_NVIM_OUT  if set, run the end-to-end scenario of lsp/nvim_test.go
--                   on the file given on the command line and write what
--                   happened to this file as JSON
vim.cmd("filetype on")

local bin = os.getenv("PY314_BIN") or "py314"
local out = os.getenv("PY314_NVIM_OUT")
local exit_code = nil

-- The nearest directory above fname with a py314 configuration or a .git.
local function root_dir(fname)
  local dir = vim.fn.fnamemodify(fname, ":p:h")
  while true do
    for _, marker in ipairs({ "pyproject.toml", "py314.toml", ".py314.toml", ".git" }) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return vim.fn.fnamemodify(fname, ":p:h")
    end
    dir = parent
  end
end

local client_id = nil

vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    local config = {
      name = "py314",
      cmd = { bin, "lsp" },
      root_dir = root_dir(vim.api.nvim_buf_get_name(args.buf)),
      on_exit = function(code)
        exit_code = code
      end,
    }
    if vim.lsp.start then
      client_id = vim.lsp.start(config) -- Neovim 0.8 and later
    else
      client_id = client_id or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})

if not out then
  return
end

-- The end-to-end scenario: wait for the diagnostic, ask for code actions
-- at it, apply the preferred quick fix (resolving it first if it comes
-- without its edit), write the buffer, wait for the diagnostics to go, stop
-- the server and record its exit code.
local result = {}

local function finish(err)
  result.error = err
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  if err then
    vim.cmd("cquit 1")
  else
    vim.cmd("qall!")
  end
end

local function scenario()
  local buf = vim.api.nvim_get_current_buf()
  if not vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20) then
    return finish("no diagnostics")
  end
  local d = vim.diagnostic.get(buf)[1]
  local lsp_data = d.user_data and d.user_data.lsp or {}
  result.before = {
    count = #vim.diagnostic.get(buf),
    code = d.code or lsp_data.code,
    message = d.message,
    source = d.source,
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
  }

  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  local ok, line_diags = pcall(vim.lsp.diagnostic.get_line_diagnostics, buf)
  params.context = { diagnostics = ok and line_diags or {} }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
  local actions = {}
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(actions, a)
    end
  end
  result.titles = {}
  local action = nil
  for _, a in ipairs(actions) do
    table.insert(result.titles, a.title)
    if a.isPreferred and not action then
      action = a
    end
  end
  if not action then
    return finish("no preferred code action")
  end
  result.resolved = false
  if not action.edit and action.data then
    local r
    if vim.fn.has("nvim-0.11") == 1 then
      r = client:request_sync("codeAction/resolve", action, 10000, buf)
    else
      r = client.request_sync("codeAction/resolve", action, 10000, buf)
    end
    if not r or r.err then
      return finish("codeAction/resolve failed: " .. vim.inspect(r))
    end
    action = r.result
    result.resolved = true
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  vim.cmd("write")

  if not vim.wait(20000, function()
    return #vim.diagnostic.get(buf) == 0
  end, 20) then
    return finish("the diagnostics did not go away")
  end
  result.after = #vim.diagnostic.get(buf)

  vim.lsp.stop_client(client_id)
  if not vim.wait(10000, function()
    return exit_code ~= nil
  end, 20) then
    return finish("the server did not exit")
  end
  result.exit_code = exit_code
  finish(nil)
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.schedule(function()
      local ok, err = pcall(scenario)
      if not ok then
        finish("error: " .. tostring(err))
      end
    end)
  end,
})
