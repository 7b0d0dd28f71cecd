//! Embeds a compact copy of the generated catalog: `schemas/catalog.json` is committed
//! pretty-printed (readable diffs), but its indentation is 30 % of its bytes, which every
//! download of the `.wasm` and every first call (which parses it) would pay for.

use std::path::Path;

const CATALOG: &str = "schemas/catalog.json";

fn main() {
    println!("cargo:rerun-if-changed={CATALOG}");
    let pretty = std::fs::read_to_string(CATALOG).expect("schemas/catalog.json is readable");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("catalog.json"), compact(&pretty))
        .expect("OUT_DIR is writable");
}

/// `json` without the whitespace between its tokens (strings are kept byte for byte).
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}
