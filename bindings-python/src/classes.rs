//! Shared shape of every result class: a frozen wrapper around the core value
//! with `to_dict()`, `to_json()`, `__repr__` and `__eq__` taken from the core's
//! JSON (the cross-language contract), so the Python view cannot drift from it.

/// Declares a frozen pyclass `$py` (Python name `$name`) wrapping `$core`, with
/// the shared methods plus the class's own (`{ ... }`: getters, constructors).
macro_rules! result_class {
    ($py:ident, $core:ty, $name:literal, $doc:literal, { $($methods:tt)* }) => {
        #[doc = $doc]
        #[pyo3::pyclass(frozen, module = "ntpc_policy", name = $name)]
        #[derive(Clone)]
        pub struct $py {
            pub inner: $core,
        }

        #[pyo3::pymethods]
        impl $py {
            /// The result as plain Python objects (the JSON shape shared by every language).
            fn to_dict(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<pyo3::Py<pyo3::PyAny>> {
                $crate::convert::to_dict(py, &self.inner)
            }

            /// The result as JSON text.
            fn to_json(&self) -> String {
                $crate::convert::to_json(&self.inner)
            }

            fn __repr__(&self) -> String {
                format!("{}({})", $name, $crate::convert::to_json(&self.inner))
            }

            fn __eq__(&self, other: &Self) -> bool {
                $crate::convert::to_json(&self.inner) == $crate::convert::to_json(&other.inner)
            }

            $($methods)*
        }

        impl From<$core> for $py {
            fn from(inner: $core) -> Self {
                $py { inner }
            }
        }
    };
}

pub(crate) use result_class;
