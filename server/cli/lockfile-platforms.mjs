// npm run lockfile:platforms — records every platform's optional native packages in
// package-lock.json.
//
// Why: the package mirror these machines use serves only Linux builds of packages such as
// @next/swc-*, @tailwindcss/oxide-* and @unrs/resolver-binding-*. `npm install` then leaves the
// other platforms' optional packages out of the lock file, and `npm ci` refuses the lock file as
// out of sync. An entry naming the package's version, os and cpu is all `npm ci` needs: it never
// fetches a package for another platform. Run this after changing dependencies.
import fs from "node:fs";

const LOCK = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "openharmony", "sunos", "win32", "aix", "netbsd", "openbsd"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];

// "@next/swc-linux-arm64-musl" -> { os: ["linux"], cpu: ["arm64"], libc: ["musl"] }
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os && !cpu) return null;
  const platform = {};
  if (os) platform.os = [os];
  if (cpu) platform.cpu = [cpu];
  if (parts.includes("musl")) platform.libc = ["musl"];
  else if (parts.includes("gnu") || parts.includes("gnueabihf")) platform.libc = ["glibc"];
  return platform;
}

// Where npm would look for `dep` required by the package at `path`: nested first, then hoisted.
function installed(path, dep) {
  let dir = path;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${dep}`]) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf("/node_modules/");
    dir = at < 0 ? "" : dir.slice(0, at);
  }
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (installed(path, dep)) continue;
    const platform = platformOf(dep);
    const version = String(spec).replace(/^[\^~=]/, "");
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) continue;
    packages[`node_modules/${dep}`] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      ...(pkg.devOptional ? { devOptional: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `Recorded ${added} optional platform package(s) in ${LOCK}.` : `${LOCK} already lists every platform's packages.`);
