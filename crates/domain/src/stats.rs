//! Small-cell suppression for published statistics (rule PV-5): nobody may be identified
//! from a table. Every count below 5 is shown as "<5" (primary suppression), and more cells
//! are hidden until no hidden cell can be worked out from the row and column totals that are
//! published beside it (complementary suppression).

/// One cell as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u64),
    /// Shown as "<5", or hidden to protect such a cell.
    Hidden,
}

/// Counts below this are never published (PV-5).
pub const THRESHOLD: u64 = 5;

/// A table with its row and column totals, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
}

fn shown(n: u64) -> Shown {
    if n < THRESHOLD { Shown::Hidden } else { Shown::Count(n) }
}

/// Suppresses `counts` (rows of equal length) for publication with its totals.
pub fn suppress(counts: &[Vec<u64>]) -> Published {
    let rows = counts.len();
    let cols = counts.first().map_or(0, Vec::len);
    let row_totals: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
    let column_totals: Vec<u64> = (0..cols).map(|c| counts.iter().map(|r| r[c]).sum()).collect();
    let mut hidden: Vec<Vec<bool>> = counts
        .iter()
        .map(|r| r.iter().map(|n| *n < THRESHOLD).collect())
        .collect();
    let row_open: Vec<bool> = row_totals.iter().map(|t| *t >= THRESHOLD).collect();
    let col_open: Vec<bool> = column_totals.iter().map(|t| *t >= THRESHOLD).collect();
    // A published total with exactly one hidden cell gives that cell away: hide one more in
    // that line. Prefer a cell whose crossing line also has exactly one hidden cell (one cell
    // then protects both), else the smallest. Repeat until no line has exactly one.
    let lone_in_row = |h: &Vec<Vec<bool>>, r: usize| row_open[r] && (0..cols).filter(|c| h[r][*c]).count() == 1;
    let lone_in_col = |h: &Vec<Vec<bool>>, c: usize| col_open[c] && (0..rows).filter(|r| h[*r][c]).count() == 1;
    loop {
        let mut changed = false;
        for r in 0..rows {
            if lone_in_row(&hidden, r) {
                let pick = (0..cols)
                    .filter(|c| !hidden[r][*c])
                    .min_by_key(|c| (!lone_in_col(&hidden, *c), counts[r][*c]));
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
                    .min_by_key(|r| (!lone_in_row(&hidden, *r), counts[*r][c]));
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
    Published {
        cells: counts
            .iter()
            .zip(&hidden)
            .map(|(r, h)| {
                r.iter()
                    .zip(h)
                    .map(|(n, h)| if *h { Shown::Hidden } else { Shown::Count(*n) })
                    .collect()
            })
            .collect(),
        row_totals: row_totals.into_iter().map(shown).collect(),
        column_totals: column_totals.into_iter().map(shown).collect(),
    }
}

/// What a reader can work out: solves, line by line, every hidden cell that is the only
/// unknown of a line with a published total. Returns the cells it recovers (row, column,
/// value). A safe table gives none.
pub fn recoverable(p: &Published) -> Vec<(usize, usize, u64)> {
    let mut cells = p.cells.clone();
    let mut found = Vec::new();
    loop {
        let mut progress = false;
        for (r, total) in p.row_totals.iter().enumerate() {
            if let Shown::Count(t) = total
                && let Some((c, value)) = only_unknown(cells[r].iter().copied().enumerate(), *t)
            {
                cells[r][c] = Shown::Count(value);
                found.push((r, c, value));
                progress = true;
            }
        }
        for (c, total) in p.column_totals.iter().enumerate() {
            if let Shown::Count(t) = total
                && let Some((r, value)) = only_unknown(cells.iter().map(|row| row[c]).enumerate(), *t)
            {
                cells[r][c] = Shown::Count(value);
                found.push((r, c, value));
                progress = true;
            }
        }
        if !progress {
            return found;
        }
    }
}

fn only_unknown(line: impl Iterator<Item = (usize, Shown)>, total: u64) -> Option<(usize, u64)> {
    let mut unknown = None;
    let mut known = 0u64;
    for (i, s) in line {
        match s {
            Shown::Count(n) => known += n,
            Shown::Hidden if unknown.is_none() => unknown = Some(i),
            Shown::Hidden => return None,
        }
    }
    unknown.map(|i| (i, total.saturating_sub(known)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        };
        assert_eq!(recoverable(&naive), vec![(1, 2, 3)], "the naive table reveals the 3");
        let safe = suppress(&counts);
        assert_eq!(safe.cells[1][2], Shown::Hidden);
        assert_eq!(recoverable(&safe), vec![], "{safe:?}");
        // Only what was needed is hidden: one row and one column each lose a second cell.
        let hidden = safe.cells.iter().flatten().filter(|s| **s == Shown::Hidden).count();
        assert_eq!(hidden, 4, "{safe:?}");
    }

    // rule PV-5: small totals are hidden too, and a table of large counts is left alone.
    #[test]
    fn small_totals_and_large_tables() {
        let safe = suppress(&[vec![1, 2], vec![30, 40]]);
        assert_eq!(safe.row_totals[0], Shown::Hidden);
        assert_eq!(recoverable(&safe), vec![]);
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
                    if *n < THRESHOLD {
                        assert_eq!(safe.cells[r][c], Shown::Hidden);
                    }
                }
            }
        }
    }
}
