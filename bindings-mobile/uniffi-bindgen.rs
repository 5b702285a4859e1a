//! The workspace's uniffi-bindgen: `cargo run -p ntpc-policy-mobile --bin uniffi-bindgen -- generate …`.
fn main() {
    uniffi::uniffi_bindgen_main()
}
