local function serialize(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "string" then return string.format("%q", v)
  elseif t == "number" or t == "boolean" or t == "nil" then return tostring(v)
  elseif t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) == "number"
    end)
    local parts = {}
    for _, k in ipairs(keys) do
      local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. serialize(k) .. "]"
      parts[#parts + 1] = indent .. "  " .. ks .. " = " .. serialize(v[k], indent .. "  ")
    end
    if #parts == 0 then return "{}" end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  return "<" .. t .. ">"
end
local data = {
  name = "widget", id = 42, ratio = 0.75, tags = {"a", "b", "c"},
  nested = {deep = {deeper = {true, false}}}, ["key with space"] = "x\ny",
  [10] = "ten", [1.5] = "float key",
}
local s = serialize(data)
print(s)
local back = loadstring("return " .. s)()
print(serialize(back) == s, back.nested.deep.deeper[2], back["key with space"])
