// SwiftPM needs one source file in a C target; the real code is the Rust library
// declared in include/NtpcPolicyTypesFFI.h.
