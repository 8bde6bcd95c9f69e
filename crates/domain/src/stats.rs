//! Small-cell suppression for published statistics (rule PV-5): nobody may be identified
//! from a table. Every count from 1 to 4 is shown as "<5" (primary suppression), and more
//! cells are hidden until no hidden cell can be worked out from the row and column totals
//! that are published beside it (complementary suppression). A zero is published: it
//! identifies nobody, and many zeros are structural (nobody attends by phone), so hiding
//! them would only force large counts to be hidden in their place.

/// One cell as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u64),
    /// Shown as "<5", or hidden to protect such a cell.
    Hidden,
}

/// Counts from 1 up to below this are never published (PV-5).
pub const THRESHOLD: u64 = 5;

/// A count that must be hidden: 1 to 4 people.
pub fn is_small(n: u64) -> bool {
    n > 0 && n < THRESHOLD
}

/// A table with its row and column totals and the grand total, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub grand_total: Shown,
}

/// The table and its totals as one grid: row totals in the last column, column totals in
/// the last row, the grand total in the corner. Every line of this grid adds up (its parts
/// equal its total), so a line with exactly one hidden entry gives that entry away; totals
/// are entries like any other (a hidden row total would otherwise follow from the grand
/// total minus the other row totals).
fn grid(counts: &[Vec<u64>]) -> Vec<Vec<u64>> {
    let cols = counts.first().map_or(0, Vec::len);
    let mut g: Vec<Vec<u64>> = counts
        .iter()
        .map(|r| {
            let mut line = r.clone();
            line.push(r.iter().sum());
            line
        })
        .collect();
    let totals: Vec<u64> = (0..=cols).map(|c| g.iter().map(|r| r[c]).sum()).collect();
    g.push(totals);
    g
}

/// Suppresses `counts` (rows of equal length) for publication with its totals.
pub fn suppress(counts: &[Vec<u64>]) -> Published {
    let g = grid(counts);
    let (rows, cols) = (g.len(), g.first().map_or(0, Vec::len));
    let mut hidden: Vec<Vec<bool>> = g.iter().map(|r| r.iter().map(|n| is_small(*n)).collect()).collect();
    let lone_in_row = |h: &Vec<Vec<bool>>, r: usize| (0..cols).filter(|c| h[r][*c]).count() == 1;
    let lone_in_col = |h: &Vec<Vec<bool>>, c: usize| (0..rows).filter(|r| h[*r][c]).count() == 1;
    // A line with exactly one hidden entry gives it away: hide one more in that line. Prefer
    // an entry whose crossing line also has exactly one (one entry then protects both),
    // else the smallest. Repeat until no line has exactly one.
    loop {
        let mut changed = false;
        for r in 0..rows {
            if lone_in_row(&hidden, r) {
                let pick = (0..cols)
                    .filter(|c| !hidden[r][*c])
                    .min_by_key(|c| (!lone_in_col(&hidden, *c), g[r][*c]));
                if let Some(c) = pick {
                    hidden[r][c] = true;
                    changed = true;
                }
            }
        }
        for c in 0..cols {
            if lone_in_col(&hidden, c) {
                let pick = (0..rows)
                    .filter(|r| !hidden[*r][c])
                    .min_by_key(|r| (!lone_in_row(&hidden, *r), g[*r][c]));
                if let Some(r) = pick {
                    hidden[r][c] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let show = |r: usize, c: usize| {
        if hidden[r][c] {
            Shown::Hidden
        } else {
            Shown::Count(g[r][c])
        }
    };
    let (last_row, last_col) = (rows - 1, cols - 1);
    Published {
        cells: (0..last_row)
            .map(|r| (0..last_col).map(|c| show(r, c)).collect())
            .collect(),
        row_totals: (0..last_row).map(|r| show(r, last_col)).collect(),
        column_totals: (0..last_col).map(|c| show(last_row, c)).collect(),
        grand_total: show(last_row, last_col),
    }
}

/// What a reader can work out: solves, line by line, every hidden entry (cell or total)
/// that is the only unknown of its line, including the line of row totals and the line of
/// column totals with the grand total. Returns the cells and totals it recovers as (row,
/// column, value), where row `rows` is the column totals and column `columns` the row
/// totals. A safe table gives none.
// The row and column indices are the answer's coordinates, not just a way to walk `g`.
#[allow(clippy::needless_range_loop)]
pub fn recoverable(p: &Published) -> Vec<(usize, usize, u64)> {
    let mut g: Vec<Vec<Shown>> = p
        .cells
        .iter()
        .zip(&p.row_totals)
        .map(|(r, t)| r.iter().copied().chain([*t]).collect())
        .collect();
    g.push(p.column_totals.iter().copied().chain([p.grand_total]).collect());
    let (rows, cols) = (g.len(), g.first().map_or(0, Vec::len));
    let mut found = Vec::new();
    loop {
        let mut progress = false;
        for r in 0..rows {
            if let Some((c, v)) = solve((0..cols).map(|c| (c, g[r][c])), cols - 1) {
                g[r][c] = Shown::Count(v);
                found.push((r, c, v));
                progress = true;
            }
        }
        for c in 0..cols {
            if let Some((r, v)) = solve((0..rows).map(|r| (r, g[r][c])), rows - 1) {
                g[r][c] = Shown::Count(v);
                found.push((r, c, v));
                progress = true;
            }
        }
        if !progress {
            return found;
        }
    }
}

/// A line whose entry `total_at` is the sum of the others: the one hidden entry, if only one.
fn solve(line: impl Iterator<Item = (usize, Shown)>, total_at: usize) -> Option<(usize, u64)> {
    let mut unknown = None;
    let (mut parts, mut total) = (0u64, None);
    for (i, s) in line {
        match s {
            Shown::Count(n) if i == total_at => total = Some(n),
            Shown::Count(n) => parts += n,
            Shown::Hidden if unknown.is_none() => unknown = Some(i),
            Shown::Hidden => return None,
        }
    }
    let i = unknown?;
    Some((
        i,
        if i == total_at {
            parts
        } else {
            total?.saturating_sub(parts)
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(n: u64) -> Shown {
        if is_small(n) { Shown::Hidden } else { Shown::Count(n) }
    }

    // rule PV-5: a table where the naive publication (cells below 5 hidden, totals shown)
    // gives a small cell away; suppression keeps every small cell hidden.
    #[test]
    fn a_small_cell_stays_hidden_from_the_totals() {
        // Offices × outcomes; office B had 3 no-shows.
        let counts = vec![vec![40, 12, 7], vec![35, 9, 3], vec![28, 6, 11]];
        let naive = Published {
            cells: counts.iter().map(|r| r.iter().map(|n| shown(*n)).collect()).collect(),
            row_totals: counts.iter().map(|r| shown(r.iter().sum())).collect(),
            column_totals: (0..3).map(|c| shown(counts.iter().map(|r| r[c]).sum())).collect(),
            grand_total: shown(counts.iter().flatten().sum()),
        };
        assert_eq!(recoverable(&naive), vec![(1, 2, 3)], "the naive table reveals the 3");
        let safe = suppress(&counts);
        assert_eq!(safe.cells[1][2], Shown::Hidden);
        assert_eq!(recoverable(&safe), vec![], "{safe:?}");
        // Only what was needed is hidden: one row and one column each lose a second cell.
        let hidden = safe.cells.iter().flatten().filter(|s| **s == Shown::Hidden).count();
        assert_eq!(hidden, 4, "{safe:?}");
    }

    // rule PV-5: small totals are hidden too, and cannot be worked out from the grand total
    // minus the other totals; a table of large counts is left alone.
    #[test]
    fn small_totals_and_large_tables() {
        let safe = suppress(&[vec![1, 2], vec![30, 40]]);
        assert_eq!(safe.row_totals[0], Shown::Hidden);
        assert_eq!(recoverable(&safe), vec![]);
        // A month of 3 among months of 20 and 30, every column total 5 or more: naively the
        // grand total (53) minus the other row totals (50) gives the 3 away.
        let months = [vec![1, 2], vec![10, 10], vec![15, 15]];
        let naive = Published {
            cells: months.iter().map(|r| r.iter().map(|n| shown(*n)).collect()).collect(),
            row_totals: months.iter().map(|r| shown(r.iter().sum())).collect(),
            column_totals: vec![Shown::Count(26), Shown::Count(27)],
            grand_total: Shown::Count(53),
        };
        assert!(recoverable(&naive).contains(&(0, 2, 3)), "{:?}", recoverable(&naive));
        let safe = suppress(&months);
        assert_eq!(safe.row_totals[0], Shown::Hidden);
        assert_eq!(recoverable(&safe), vec![], "{safe:?}");
        let big = suppress(&[vec![10, 20], vec![30, 40]]);
        assert!(big.cells.iter().flatten().all(|s| matches!(s, Shown::Count(_))));
        assert_eq!(big.row_totals, vec![Shown::Count(30), Shown::Count(70)]);
    }

    // rule PV-5: many small cells, every pattern of them stays unrecoverable.
    #[test]
    fn many_patterns_stay_hidden() {
        for seed in 0u64..500 {
            let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut next = || {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 33) % 14
            };
            let counts: Vec<Vec<u64>> = (0..4).map(|_| (0..5).map(|_| next()).collect()).collect();
            let safe = suppress(&counts);
            assert_eq!(recoverable(&safe), vec![], "{counts:?} → {safe:?}");
            for (r, row) in counts.iter().enumerate() {
                for (c, n) in row.iter().enumerate() {
                    if is_small(*n) {
                        assert_eq!(safe.cells[r][c], Shown::Hidden);
                    }
                }
            }
        }
    }
}
