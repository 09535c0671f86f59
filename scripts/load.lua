-- wrk script for scripts/load.sh: each request is the next query of the relevance sets whose
-- paths come after `--` on the wrk command line (tests/relevance.toml …), cycling through them.

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
  assert(#args > 0, "name a query file after --")
  for _, name in ipairs(args) do
    local file = assert(io.open(name, "r"), "cannot open " .. tostring(name))
    for line in file:lines() do
      local q = line:match('^q = "(.*)"$')
      if q then
        table.insert(paths, "/api/search?q=" .. urlencode(unescape(q)))
      end
    end
    file:close()
  end
  assert(#paths > 0, "no queries in " .. table.concat(args, ", "))
  -- Threads start at different places so they do not ask the same query in step.
  next_index = math.random(#paths) - 1
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
