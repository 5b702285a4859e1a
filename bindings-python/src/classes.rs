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

use pyo3::prelude::*;
use pyo3::types::PyList;

/// Creates a result object and removes it from the cyclic garbage collector.
///
/// Why: every pyo3 class is a GC type, and a sweep that returns a million results
/// otherwise spends most of its time in the collector traversing them (measured:
/// 1.5 µs of 1.6 µs per ID). Our result objects own only Rust data — no Python
/// references — so they cannot take part in a reference cycle of instances;
/// the collector has nothing to find in them.
pub fn untracked<T>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>>
where
    T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    let obj = Bound::new(py, value)?;
    // SAFETY: `obj` is a live object we own a reference to; untracking an object
    // is always allowed (CPython checks whether it is tracked first), and the
    // objects of these classes hold no references to other Python objects.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) };
    Ok(obj)
}

/// A Python list of untracked result objects.
///
/// The collector is paused while the list is built: each allocation still counts
/// towards its thresholds, and the full collections that a million allocations
/// trigger would each traverse the caller's million-item input list. Its previous
/// state is restored afterwards, also on error.
pub fn untracked_list<'py, T, I>(py: Python<'py>, items: I) -> PyResult<Bound<'py, PyList>>
where
    T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
    I: IntoIterator<Item = T>,
{
    let gc = py.import("gc")?;
    let was_enabled: bool = gc.call_method0("isenabled")?.extract()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let built = items
        .into_iter()
        .map(|v| untracked(py, v))
        .collect::<PyResult<Vec<_>>>()
        .and_then(|objs| PyList::new(py, objs));
    if was_enabled {
        gc.call_method0("enable")?;
    }
    built
}
