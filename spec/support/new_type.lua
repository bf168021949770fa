-- Run by spec/model_spec.lua in a process of its own: declares a record type
-- that sinorus does not have (a prediction), gives it a table, loads its data
-- file and checks that the listing, the getter, the filters, validation,
-- the exports and the help exist for it. Prints "ok", or raises.
local model = require "sinorus.model"
model.add {
  name = "prediction", plural = "predictions", table = "prediction", class = "sinorus.Prediction",
  help = "a dated prediction with its probability",
  summary = "Predictions, by id.", example = "print(kb:predictions())",
  get_example = 'print(kb:prediction("f-gas"))',
  fields = { id = "id", text = "string", horizon = "string", p = "number",
             evidence = "strings" },
  required = { "id", "text", "horizon", "p", "evidence" },
  enums = { horizon = "horizon" },
  columns = { "id", "text", "horizon", "p", "evidence" },
  show = { "id", "horizon", "p", "text" },
  filters = { "horizon" }, order = "id", evidence = "prediction", key = "id", authoring = true,
  tables = { prediction = { "id", "text", "horizon", "p" } },
}

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local path, dir = arg[1], arg[2]
local kb = assert(sinorus.open(path, { create = true }))
internal.script(kb, [[CREATE TABLE prediction (
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
same(#kb:predictions(), 2, "listing")
same(kb:predictions { horizon = "long" }[1].id, "f-bri", "filter")
same(kb:prediction("f-gas").p, 0.7, "getter")
same(kb:evidence(kb:prediction("f-gas"))[1].source, src, "evidence")
same(select(2, pcall(kb.predictions, kb, { horizon = "soon" })),
     "bad argument #1 to 'predictions' (invalid option 'soon'; expected one of: short, long, both)",
     "enum filter")
same(select(2, pcall(kb.predictions, kb, { due = 1 })),
     "bad argument #1 to 'predictions' (unknown filter key 'due'; valid keys: horizon, " ..
     "limit, offset)", "filter keys")
same(kb:export("csv", nil, { records = "predictions" }), sinorus.to_csv(kb:predictions()), "csv")
same(kb:export("csv", nil, { records = "predictions" }):match("^[^\r]*"), "id,text,horizon,p,evidence",
     "csv columns")
same(kb:describe().counts.predictions, 2, "describe")
local doc = require "sinorus.doc"
same(doc.find(kb.prediction).name, "kb:prediction", "help")
same(#doc.undocumented(sinorus), 0, "every function documented")
-- authoring = true: add_, update_ and remove_, validated and logged
local seg = kb:prediction("f-gas").evidence[1]
kb:add_prediction { id = "f-new", text = "x", horizon = "both", p = 0.5, evidence = { seg } }
same(kb:prediction("f-new").horizon, "both", "add")
kb:update_prediction("f-new", { p = 0.6 })
same(kb:prediction("f-new").p, 0.6, "update")
same(select(2, pcall(kb.add_prediction, kb, { id = "f-bad", text = "x", horizon = "soon", p = 1,
                                            evidence = { seg } })),
     "bad argument #1 to 'add_prediction' (field 'horizon': invalid option 'soon'; expected " ..
     "one of: short, long, both)", "validation")
kb:remove_prediction("f-new")
same(kb:prediction("f-new"), nil, "remove")
same(#kb:history { record = "prediction:f-new" }, 3, "log")
kb:close()
print("ok")
