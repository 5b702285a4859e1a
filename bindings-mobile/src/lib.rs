//! The mobile binding of ntpc-policy: it converts types and maps errors, nothing else.
//! Its issue fills it with the whole public API of the core.

pub use ntpc_policy::VERSION;
