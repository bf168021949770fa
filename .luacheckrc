-- luacheck configuration: `make lint`.
std = "lua54"
max_line_length = 132
files["spec"] = { std = "+busted" }
exclude_files = { "build", "build-asan", "build-cov" }
