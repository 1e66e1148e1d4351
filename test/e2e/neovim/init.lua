-- Headless Neovim (0.7+) as an LSP client nobody on this project wrote: attaches
-- `shapelint lsp --stdio` to one config file, waits for its diagnostics and writes the
-- rule ids it received (one per line, sorted) to a file. Driven by neovim.test.ts through
-- the environment:
--   SHAPELINT_CLI     the built CLI (server/out/cli.js)
--   SHAPELINT_FILE    the config file to open
--   SHAPELINT_EXPECT  comma-separated rule ids; the wait ends once all have arrived
--   SHAPELINT_OUT     where to write the ids received
--   SHAPELINT_TIMEOUT_MS  how long to wait (default 20000)
local env = vim.env
local expected = vim.split(env.SHAPELINT_EXPECT or '', ',', { trimempty = true })
local timeout = tonumber(env.SHAPELINT_TIMEOUT_MS or '20000')
local received = {}
local failure

local function fail(message)
  failure = failure or message
end

local client_id = vim.lsp.start_client({
  name = 'shapelint',
  cmd = { 'node', env.SHAPELINT_CLI, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(env.SHAPELINT_FILE, ':p:h'),
  settings = { shapelint = {} },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result)
      if err then return fail('publishDiagnostics error: ' .. vim.inspect(err)) end
      for _, diagnostic in ipairs(result.diagnostics) do
        if diagnostic.code ~= nil then received[tostring(diagnostic.code)] = true end
      end
    end,
  },
  on_exit = function(code)
    if code ~= 0 then fail('server exited with code ' .. code) end
  end,
})
if not client_id then
  fail('vim.lsp.start_client failed')
else
  vim.cmd('edit ' .. vim.fn.fnameescape(env.SHAPELINT_FILE))
  vim.lsp.buf_attach_client(vim.api.nvim_get_current_buf(), client_id)
  local all_arrived = vim.wait(timeout, function()
    if failure then return true end
    for _, id in ipairs(expected) do
      if not received[id] then return false end
    end
    return next(received) ~= nil
  end, 20)
  if not all_arrived then fail('timed out after ' .. timeout .. ' ms') end
end

local ids = vim.tbl_keys(received)
table.sort(ids)
if failure then table.insert(ids, 1, 'ERROR ' .. failure) end
vim.fn.writefile(ids, env.SHAPELINT_OUT)
if client_id then vim.lsp.stop_client(client_id, true) end
vim.cmd('qall!')
