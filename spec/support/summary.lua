-- A busted output handler: a dot per passing test, the details of each
-- failure and error, and a last line "N passed, N failed".
-- Errors outside tests (in describe blocks or hooks) count as failures.

return function(options)
  local busted = require "busted"
  local handler = require("busted.outputHandlers.base")()

  local function describe_failure(kind, t)
    local msg = t.message
    if type(msg) ~= "string" then msg = tostring(msg) end
    local where = ""
    if t.element and t.element.trace and t.element.trace.short_src then
      where = t.element.trace.short_src .. ":" .. tostring(t.element.trace.currentline)
    end
    io.write("\n", kind, ": ", t.name or "?", "\n  ", where, "\n  ",
             (msg or "nil"):gsub("\n", "\n  "), "\n")
    if options.verbose and t.trace and t.trace.traceback then
      io.write(t.trace.traceback, "\n")
    end
  end

  handler.testEnd = function(_, _, status)
    if status == "success" then
      io.write(".")
    elseif status == "failure" then
      io.write("F")
    elseif status == "error" then
      io.write("E")
    end
    io.flush()
    return nil, true
  end

  handler.suiteEnd = function()
    io.write("\n")
    for _, t in ipairs(handler.failures) do describe_failure("FAILED", t) end
    for _, t in ipairs(handler.errors) do describe_failure("ERROR", t) end
    local failed = #handler.failures + #handler.errors
    io.write(string.format("%d passed, %d failed\n", #handler.successes, failed))
    io.flush()
    return nil, true
  end

  busted.subscribe({ "test", "end" }, handler.testEnd, { predicate = handler.cancelOnPending })
  busted.subscribe({ "suite", "end" }, handler.suiteEnd)
  return handler
end
