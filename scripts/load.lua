-- wrk script for scripts/load.sh: each request is the next query of tests/relevance.toml
-- (the file's path comes after `--` on the wrk command line), cycling through the set.

local paths = {}
local next_index = 0

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

-- TOML basic strings in the set use only \" and \\ escapes.
local function unescape(s)
  return (s:gsub('\\(["\\])', "%1"))
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  for line in file:lines() do
    local q = line:match('^q = "(.*)"$')
    if q then
      table.insert(paths, "/api/search?q=" .. urlencode(unescape(q)))
    end
  end
  file:close()
  assert(#paths > 0, "no queries in " .. args[1])
  -- Threads start at different places so they do not ask the same query in step.
  next_index = math.random(#paths) - 1
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
