-- core.json (util.json): the encoder of the change log and the exports.

local core = require "sinorus.core"
local util = require "sinorus.util"
local cjson = require "cjson"

describe("core.json()", function()
  it("is util.json", function()
    assert.equals(core.json, util.json)
  end)

  it("writes tables with keys 1..n as arrays and the empty table as []", function()
    assert.equals("[1,2,3]", core.json { 1, 2, 3 })
    assert.equals("[]", core.json {})
    assert.equals('[[],{"a":[true,false]}]', core.json { {}, { a = { true, false } } })
  end)

  it("writes other tables as objects with keys in byte order", function()
    assert.equals('{"B":2,"a":1,"b":{"x":"y"}}', core.json { b = { x = "y" }, a = 1, B = 2 })
    assert.equals('{"1":"a","3":"c"}', core.json { [1] = "a", [3] = "c" })
    assert.equals('{"10":1,"2":2,"x":3}', core.json { [10] = 1, [2] = 2, x = 3 })
    assert.equals('{"1.5":true}', core.json { [1.5] = true })
  end)

  it("names numeric keys as tostring does, so no two keys share a name", function()
    assert.equals('{"12345678901234":2,"12345678901234.0":1}',
                  core.json { [12345678901234.5] = 1, [12345678901234] = 2 })
    assert.equals('{"-0.5":1,"1e+100":2,"x":3}', core.json { [-0.5] = 1, [1e100] = 2, x = 3 })
  end)

  it("writes a table with a hole below its length as an object, losing nothing", function()
    local t = { 1, nil, 3, 4 }
    t.x = "kept"
    assert.equals('{"1":1,"3":3,"4":4,"x":"kept"}', core.json(t))
  end)

  it("writes an object of a million keys", function()
    local t = {}
    for i = 1, 1000000 do t["k" .. i] = i end
    local text = core.json { t }
    assert.equals(1000000, select(2, text:gsub('"k%d+":', "")))
  end)

  it("gives the same text for the same table however it was built", function()
    local a, b = {}, {}
    for i = 1, 200 do a["k" .. i] = i end
    for i = 200, 1, -1 do b["k" .. i] = i end
    assert.equals(core.json(a), core.json(b))
  end)

  it("escapes quotes, backslashes, control characters and DEL, and keeps UTF-8", function()
    assert.equals('"a\\"b\\\\c\\n\\t\\r\\u0001\\u001f\\u007f\\b\\fé Сhina"',
                  core.json('a"b\\c\n\t\r\1\31\127\b\fé Сhina'))
    assert.equals('"\\u0000"', core.json("\0"))
  end)

  it("writes integers in full and floats in the shortest form that reads back", function()
    assert.equals("[9223372036854775807,-9223372036854775808,0.1,-0,0.30000000000000004]",
                  core.json { math.maxinteger, math.mininteger, 0.1, -0.0, 0.1 + 0.2 })
    for _, x in ipairs { 1 / 3, 2 ^ 60 + 0.0, 1e-300, -123.456, 5e-324 } do
      assert.equals(x, tonumber(core.json(x)))
    end
  end)

  it("round-trips through a JSON parser", function()
    local v = { id = "claim-x", about = { "china", "russia" }, p_low = 0.55, n = 3,
                text = 'He said "no"\nthen left', nested = { deep = { { x = 1 } } } }
    assert.same(v, cjson.decode(core.json(v)))
  end)

  it("writes nil as null and booleans as themselves", function()
    assert.equals("null", core.json(nil))
    assert.equals("true", core.json(true))
  end)

  it("writes NaN and infinities as null, as every writer does", function()
    assert.equals("[1,null,null]", core.json { 1, math.huge, -math.huge })
    assert.equals('{"x":null}', core.json { x = 0 / 0 })
  end)

  it("writes core.null as null, so a table can hold a null", function()
    assert.equals('{"a":null,"b":1}', core.json { a = core.null, b = 1 })
    assert.has_error(function() core.json { x = io.stdout } end,
                     "cannot encode a userdata as JSON")
  end)

  it("replaces bytes that are not UTF-8 by U+FFFD, so the text is always valid", function()
    assert.equals('"a\u{FFFD}b"', core.json("a\255b"))
    assert.equals('"\u{FFFD}\u{FFFD}x"', core.json("\xC0\xAFx"))          -- overlong
    assert.equals('["\u{FFFD}\u{FFFD}\u{FFFD}"]', core.json { "\xED\xA0\x80" })  -- surrogate
    assert.equals('{"\u{FFFD}":1}', core.json { ["\xFF"] = 1 })             -- keys too
    -- a long string is written in pieces; no character is split between them
    local s = string.rep("a", 4095) .. "é" .. string.rep("\u{1F600}", 3000)
    assert.equals('"' .. s .. '"', core.json(s))
    assert.is_truthy(utf8.len(core.json(string.rep("\xF0\x9F", 5000))))
  end)

  it("refuses functions, userdata and threads, even nested", function()
    assert.has_error(function() core.json { f = print } end, "cannot encode a function as JSON")
    assert.has_error(function() core.json(io.stdout) end, "cannot encode a userdata as JSON")
    assert.has_error(function() core.json { coroutine.create(print) } end,
                     "cannot encode a thread as JSON")
  end)

  it("refuses keys that are not strings or numbers", function()
    assert.has_error(function() core.json { [true] = 1 } end,
                     "cannot encode a boolean key as JSON")
    assert.has_error(function() core.json { [{}] = 1 } end, "cannot encode a table key as JSON")
  end)

  it("refuses cycles, and nesting deeper than it can write", function()
    local t = { a = {} }
    t.a.b = t
    assert.has_error(function() core.json(t) end, "cannot encode a cycle as JSON")
    local deep = {}
    for _ = 1, 1000 do deep = { deep } end
    assert.has_error(function() core.json(deep) end, "value nested too deeply for JSON")
  end)

  it("writes a table shared by two fields twice (it is no cycle)", function()
    local shared = { 1 }
    assert.equals('{"a":[1],"b":[1]}', core.json { a = shared, b = shared })
  end)

  it("runs no metamethod", function()
    local t = setmetatable({}, { __index = function() error("ran") end,
                                 __len = function() error("ran") end,
                                 __pairs = function() error("ran") end })
    t.x = 1
    assert.equals('{"x":1}', core.json(t))
  end)
end)
