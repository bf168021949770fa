-- Run by spec/model_spec.lua in a process of its own: declares a record type
-- that sinorus does not have (a forecast), gives it a table, loads its data
-- file and checks that the listing, the getter, the filters, validation,
-- the exports and the help exist for it. Prints "ok", or raises.
local model = require "sinorus.model"
model.add {
  name = "forecast", plural = "forecasts", table = "forecast", class = "sinorus.Forecast",
  help = "a dated forecast with its probability",
  summary = "Forecasts, by id.", example = "print(kb:forecasts())",
  get_example = 'print(kb:forecast("f-gas"))',
  fields = { id = "id", text = "string", horizon = "string", p = "number",
             evidence = "strings" },
  required = { "id", "text", "horizon", "p", "evidence" },
  enums = { horizon = "horizon" },
  columns = { "id", "text", "horizon", "p", "evidence" },
  show = { "id", "horizon", "p", "text" },
  filters = { "horizon" }, order = "id", evidence = "forecast", key = "id", authoring = true,
  tables = { forecast = { "id", "text", "horizon", "p" } },
}

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local path, dir = arg[1], arg[2]
local kb = assert(sinorus.open(path, { create = true }))
internal.script(kb, [[CREATE TABLE forecast (
  id TEXT PRIMARY KEY, text TEXT NOT NULL,
  horizon TEXT NOT NULL CHECK (horizon = 'short' OR horizon = 'long' OR horizon = 'both'),
  p REAL NOT NULL) WITHOUT ROWID]])
internal.exec(kb, "BEGIN")
local src = internal.add_source(kb, { title = "Notes", text = "China will likely buy more " ..
  "Russian gas. The Belt and Road may one day reach the Arctic.\n" })
require("kbdata")(kb, dir, src)
internal.exec(kb, "COMMIT")

local function same(a, b, what)
  if a ~= b then error(string.format("%s: %s ~= %s", what, tostring(a), tostring(b)), 2) end
end
same(#kb:forecasts(), 2, "listing")
same(kb:forecasts { horizon = "long" }[1].id, "f-bri", "filter")
same(kb:forecast("f-gas").p, 0.7, "getter")
same(kb:evidence(kb:forecast("f-gas"))[1].source, src, "evidence")
same(select(2, pcall(kb.forecasts, kb, { horizon = "soon" })),
     "bad argument #1 to 'forecasts' (invalid option 'soon'; expected one of: short, long, both)",
     "enum filter")
same(select(2, pcall(kb.forecasts, kb, { due = 1 })),
     "bad argument #1 to 'forecasts' (unknown filter key 'due'; valid keys: horizon, " ..
     "limit, offset)", "filter keys")
same(kb:export("csv", nil, { records = "forecasts" }), sinorus.to_csv(kb:forecasts()), "csv")
same(kb:export("csv", nil, { records = "forecasts" }):match("^[^\r]*"), "id,text,horizon,p,evidence",
     "csv columns")
same(kb:describe().counts.forecasts, 2, "describe")
local doc = require "sinorus.doc"
same(doc.find(kb.forecast).name, "kb:forecast", "help")
same(#doc.undocumented(sinorus), 0, "every function documented")
-- authoring = true: add_, update_ and remove_, validated and logged
local seg = kb:forecast("f-gas").evidence[1]
kb:add_forecast { id = "f-new", text = "x", horizon = "both", p = 0.5, evidence = { seg } }
same(kb:forecast("f-new").horizon, "both", "add")
kb:update_forecast("f-new", { p = 0.6 })
same(kb:forecast("f-new").p, 0.6, "update")
same(select(2, pcall(kb.add_forecast, kb, { id = "f-bad", text = "x", horizon = "soon", p = 1,
                                            evidence = { seg } })),
     "bad argument #1 to 'add_forecast' (field 'horizon': invalid option 'soon'; expected " ..
     "one of: short, long, both)", "validation")
kb:remove_forecast("f-new")
same(kb:forecast("f-new"), nil, "remove")
same(#kb:history { record = "forecast:f-new" }, 3, "log")
kb:close()
print("ok")
