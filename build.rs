//! Rebuilds the app when a locale file is added or changed: the Fluent messages are embedded
//! at compile time by `fluent_templates::static_loader!`, which cannot see new files by itself.

fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=locales/id");
    println!("cargo:rerun-if-changed=locales/en");
}
