-- sinorus.dates: the calendar and the date and tense grammar that
-- kb:suggest (suggest.lua) and the chronology reader (chronology.lua)
-- share (issue 20, doc/suggest.md). Each rule is written here once.
--
--   dates.period(iso)          low, high: the day numbers of an ISO date
--                              (YYYY, YYYY-MM, YYYY-MM-DD), nil if none
--   dates.iso_of(day)          the ISO date of a day number
--   dates.year(s)              the year s names when read in a text, or nil
--   dates.written_date(s)      the ISO date of a written date, or nil
--   dates.find_written(text)   the first written date in running text
--   dates.past_word(w)         is a lower-case word a verb's past tense
--
-- Day numbers count days from 1970-01-01 (day 0) in the proleptic
-- Gregorian calendar, by arithmetic alone: no os.time or os.date, so the
-- process's time zone never moves a date.

local M = {}

-- Days from 1970-01-01 to the civil date y-m-d (any integer year): the
-- calendar cut into 400-year eras of 146097 days, each year counted
-- from March so that the leap day ends it.
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

-- The civil date (y, m, d) of a day number: days_from_civil's inverse.
local function civil_from_days(z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local function leap(y) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end

-- The number of days of month m of year y.
local MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local function month_days(y, m)
  return m == 2 and leap(y) and 29 or MONTH_DAYS[m]
end

--- The period of an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, any year from
--- 0000 to 9999) as the day numbers of its first and last day; nil when
--- iso is none (a month or day that does not exist: "2021-13",
--- "2021-02-30").
function M.period(iso)
  local y, m, d = iso:match("^(%d%d%d%d)%-?(%d*)%-?(%d*)$")
  if not y or (m == "" and d ~= "") or (m ~= "" and #m ~= 2) or (d ~= "" and #d ~= 2) then
    return nil
  end
  y = tonumber(y)
  if m == "" then return days_from_civil(y, 1, 1), days_from_civil(y, 12, 31) end
  m = tonumber(m)
  if m < 1 or m > 12 then return nil end
  if d == "" then return days_from_civil(y, m, 1), days_from_civil(y, m, month_days(y, m)) end
  d = tonumber(d)
  if d < 1 or d > month_days(y, m) then return nil end
  local dn = days_from_civil(y, m, d)
  return dn, dn
end

--- The ISO date (YYYY-MM-DD) of a day number; nil for a day outside the
--- years 0000 to 9999.
function M.iso_of(day)
  local y, m, d = civil_from_days(day)
  if y < 0 or y > 9999 then return nil end
  return string.format("%04d-%02d-%02d", y, m, d)
end

-- ---------------------------------------------------------------------
-- Reading dates in a text

-- The years a number written in a text can be: four digits outside them
-- ("1500 soldiers", "0800") are read as a count, never as a year.
M.years = { 1800, 2100 }

--- The year a four-digit string names when it is read in a text (a date of
--- a sentence, a chronology's entry), or nil: a number outside M.years.
function M.year(s)
  if type(s) ~= "string" or not s:match("^%d%d%d%d$") then return nil end
  local y = tonumber(s)
  if y < M.years[1] or y > M.years[2] then return nil end
  return y
end

M.months = { "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december" }

-- The forms of a written date, {pattern (MON: the month's name), the
-- captures' order}: "4 February 2022", "February 4, 2022", "February
-- 2022". A form earlier in the list is tried first.
local FORMS = {
  { "(%d%d?)%s+MON,?%s+(%d%d%d%d)", "dy" },
  { "MON%s+(%d%d?),?%s+(%d%d%d%d)", "dy" },
  { "MON%s+(%d%d%d%d)", "y" },
}

-- The ISO date of a form's captures for month i, or nil (a year outside
-- M.years, a day the month does not have).
local function iso_of_form(i, order, x, y)
  local iso
  if order == "dy" then
    if not M.year(y) then return nil end
    iso = string.format("%s-%02d-%02d", y, i, tonumber(x))
  else
    if not M.year(x) then return nil end
    iso = string.format("%s-%02d", x, i)
  end
  return M.period(iso) and iso or nil
end

--- The ISO date (YYYY-MM-DD or YYYY-MM) of s when s is a written date and
--- nothing else (the month's name in any case), or nil: "30 February
--- 2021" is none.
function M.written_date(s)
  local low = s:lower()
  for i, name in ipairs(M.months) do
    if low:find(name, 1, true) then
      for _, f in ipairs(FORMS) do
        local x, y = low:match("^%s*" .. f[1]:gsub("MON", name) .. "%s*$")
        if x then return iso_of_form(i, f[2], x, y) end
      end
    end
  end
  return nil
end

--- The first written date of running text (the month's name capitalized,
--- "May" included), months in the calendar's order and each month's forms
--- in FORMS' order: its ISO date and the month's name as written. A date
--- that does not exist ("30 February 2021") returns nil, nil, that date
--- as written: the text has no date a reader can trust.
function M.find_written(text)
  for i, name in ipairs(M.months) do
    local cap = name:sub(1, 1):upper() .. name:sub(2)
    if text:find(cap, 1, true) then
      for _, f in ipairs(FORMS) do
        for at, x, y in text:gmatch("()" .. f[1]:gsub("MON", cap)) do
          local iso = iso_of_form(i, f[2], x, y)
          -- a month and year that end a day's date ("30 February 2021")
          local of_day = f[2] == "y" and text:sub(math.max(1, at - 4), at - 1):find("%d%s+$")
          if iso and not of_day then return iso, cap end
          if not iso and (M.year(x) or M.year(y)) then
            return nil, nil, (text:match("(" .. f[1]:gsub("MON", cap) .. ")", at))
          end
        end
      end
    end
  end
  return nil
end

-- ---------------------------------------------------------------------
-- The past tense

-- The irregular past tenses.
M.past = { "began", "became", "made", "took", "held", "met", "sent", "won", "lost", "gave",
           "went", "came", "brought", "built", "bought", "sold", "left", "set", "fell",
           "rose", "struck", "broke", "chose", "drew", "ran", "saw", "spoke", "told", "said",
           "wrote", "paid", "led" }
-- "-ed" words that are mostly adjectives or no verb's past at all
M.not_past = { "united", "limited", "based", "interested", "concerned", "related",
               "advanced", "detailed", "skilled", "armed", "mixed", "tired", "used",
               "supposed", "alleged", "so-called", "need", "indeed", "speed", "seed",
               "feed", "greed", "bleed", "breed", "hundred", "red", "bed", "shed", "wed",
               "proceed", "exceed", "succeed" }
local PAST, NOT_PAST = {}, {}
for _, w in ipairs(M.past) do PAST[w] = true end
for _, w in ipairs(M.not_past) do NOT_PAST[w] = true end

--- Is w (a lower-case word) a regular past tense: an "-ed" word of five
--- letters or more, not of M.not_past.
function M.regular_past(w)
  return #w > 4 and w:sub(-2) == "ed" and not NOT_PAST[w]
end

--- Is w (a lower-case word) a past tense: a regular one or one of M.past.
function M.past_word(w)
  return M.regular_past(w) or PAST[w] == true
end

return M
