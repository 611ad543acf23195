//! Putting items at their places in one pass of moves, without a second vector of them.

/// Moves `items[i]` to `places[i]` for every `i`, where `places` is a permutation of
/// `0..items.len()` (every place once). Each item is moved along the cycles of the permutation,
/// in place: for large items (claims, entities) a second vector of them, new memory written at
/// random, costs more than the moves.
///
/// # Panics
/// If `places` is not as long as `items`; in debug builds also if it is not a permutation (a
/// place twice would make a cycle that never closes).
pub(crate) fn move_to_places<T>(items: &mut [T], mut places: Vec<u32>) {
    assert_eq!(items.len(), places.len(), "a place for every item");
    debug_assert!(is_permutation(&places, items.len()), "places must be a permutation");
    for i in 0..items.len() {
        while places[i] as usize != i {
            let j = places[i] as usize;
            items.swap(i, j);
            places.swap(i, j);
        }
    }
}

/// Whether `places` holds every place of `0..len` once.
pub(crate) fn is_permutation(places: &[u32], len: usize) -> bool {
    let mut seen = vec![false; len];
    places.len() == len
        && places
            .iter()
            .all(|&p| seen.get_mut(p as usize).is_some_and(|s| !std::mem::replace(s, true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_lands_at_its_place() {
        for places in [vec![], vec![0], vec![1, 0], vec![2, 0, 1], vec![0, 3, 1, 2, 5, 4]] {
            let mut items: Vec<usize> = (0..places.len()).collect();
            move_to_places(&mut items, places.clone());
            for (item, &place) in places.iter().enumerate() {
                assert_eq!(items[place as usize], item, "places {places:?}");
            }
        }
    }

    #[test]
    fn a_permutation_has_every_place_once() {
        assert!(is_permutation(&[], 0));
        assert!(is_permutation(&[2, 0, 1], 3));
        assert!(!is_permutation(&[0, 0, 1], 3), "a place twice");
        assert!(!is_permutation(&[0, 1, 3], 3), "a place out of range");
        assert!(!is_permutation(&[0, 1], 3), "too few");
    }
}
