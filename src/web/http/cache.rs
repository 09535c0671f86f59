//! Web: a bounded cache of serialised search answers. The index cannot change while the service
//! runs (it was checked against the corpus at start), so an answer stays right once made; a
//! repeated query then costs a hash lookup and a copy instead of a search and a serialisation.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::body::Bytes;

use crate::search::Request;

/// Answers kept by default.
pub const DEFAULT_ENTRIES: usize = 1024;
/// At most this many bytes of answers are kept, whatever the entry count.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Oldest-out cache keyed by the whole parsed request (so `q=a&limit=5` and `limit=5&q=a` share
/// an entry; when applicant facts join the request, they join the key).
#[derive(Debug)]
pub struct ResponseCache {
    max_entries: usize,
    max_bytes: usize,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    answers: HashMap<Request, Bytes>,
    order: VecDeque<Request>,
    bytes: usize,
}

impl ResponseCache {
    /// A cache of at most `max_entries` answers and `max_bytes` bytes; 0 entries disables it.
    pub fn new(max_entries: usize, max_bytes: usize) -> ResponseCache {
        ResponseCache {
            max_entries,
            max_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub fn get(&self, request: &Request) -> Option<Bytes> {
        let inner = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        inner.answers.get(request).cloned()
    }

    pub fn insert(&self, request: Request, body: Bytes) {
        if self.max_entries == 0 || body.len() > self.max_bytes {
            return;
        }
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if inner.answers.contains_key(&request) {
            return;
        }
        while inner.answers.len() >= self.max_entries || inner.bytes + body.len() > self.max_bytes {
            let Some(oldest) = inner.order.pop_front() else {
                break;
            };
            if let Some(evicted) = inner.answers.remove(&oldest) {
                inner.bytes -= evicted.len();
            }
        }
        inner.bytes += body.len();
        inner.order.push_back(request.clone());
        inner.answers.insert(request, body);
    }

    pub fn len(&self) -> usize {
        let inner = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        inner.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for ResponseCache {
    fn default() -> ResponseCache {
        ResponseCache::new(DEFAULT_ENTRIES, MAX_BYTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> Bytes {
        Bytes::from(vec![b'x'; n])
    }

    #[test]
    fn keeps_answers_up_to_its_entry_bound_oldest_out() {
        let cache = ResponseCache::new(2, 1000);
        for q in ["a", "b", "c"] {
            cache.insert(Request::new(q), body(10));
        }
        assert_eq!(cache.len(), 2);
        assert!(cache.get(&Request::new("a")).is_none());
        assert_eq!(cache.get(&Request::new("c")), Some(body(10)));
    }

    #[test]
    fn keeps_answers_up_to_its_byte_bound() {
        let cache = ResponseCache::new(100, 25);
        cache.insert(Request::new("a"), body(10));
        cache.insert(Request::new("b"), body(10));
        cache.insert(Request::new("c"), body(10));
        assert_eq!(cache.len(), 2);
        cache.insert(Request::new("huge"), body(26));
        assert!(
            cache.get(&Request::new("huge")).is_none(),
            "larger than the whole cache"
        );
    }

    #[test]
    fn zero_entries_disables_it() {
        let cache = ResponseCache::new(0, MAX_BYTES);
        cache.insert(Request::new("a"), body(1));
        assert!(cache.is_empty());
    }
}
