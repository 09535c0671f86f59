//! Build script: the corpus is compiled into the binary (`corpus::built_in`), so a change to any
//! file in `corpus/` — including a file added or removed — must rebuild the crate.

fn main() {
    println!("cargo:rerun-if-changed=corpus");
}
