//! A grouped horizontal bar chart laid out on the server for the statistics page (PV-5):
//! positions only, so the template writes the SVG and escapes every label. A hidden cell
//! is drawn as a short hatched bar labelled `x` (秘匿), never at its true length.

use madoguchi_domain::stats::{HIDDEN_MARK, Published, Shown};

/// The SVG's coordinate width; it scales to the page with `width="100%"`.
pub const WIDTH: u32 = 640;
/// Where bars start: the labels sit to their left.
pub const BAR_X: u32 = 170;
/// The longest bar, leaving room for its number.
const BAR_MAX: u32 = WIDTH - BAR_X - 60;
/// A hidden cell's fixed bar: long enough to see the hatching, saying nothing of its size.
const HIDDEN_BAR: u32 = 36;

/// One line of the chart: a row heading, or one cell's bar.
pub struct Mark {
    /// The baseline of the line's text.
    pub y: u32,
    /// The top of the bar.
    pub bar_y: u32,
    pub label: String,
    pub heading: bool,
    pub width: u32,
    pub hidden: bool,
    pub value: String,
    pub value_x: u32,
}

pub struct Chart {
    pub title: String,
    pub desc: String,
    pub height: u32,
    pub bar_height: u32,
    pub marks: Vec<Mark>,
}

/// Lays out `p` with a heading per row and a bar per column.
pub fn layout(title: String, desc: String, rows: &[String], columns: &[String], p: &Published) -> Chart {
    // Big tables (weekday × hour) get thinner bars so the chart stays readable on a phone.
    let cells = rows.len() * columns.len();
    let (bar_height, line) = if cells > 40 { (10, 14) } else { (14, 20) };
    let max = p
        .cells
        .iter()
        .flatten()
        .filter_map(|s| match s {
            Shown::Count(n) => Some(*n),
            Shown::Hidden => None,
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let mut marks = Vec::new();
    let mut y = 0;
    for (r, row) in rows.iter().enumerate() {
        y += 22;
        marks.push(Mark {
            y,
            bar_y: 0,
            label: row.clone(),
            heading: true,
            width: 0,
            hidden: false,
            value: String::new(),
            value_x: 0,
        });
        y += 6;
        for (c, col) in columns.iter().enumerate() {
            let (width, hidden, value) = match p.cells.get(r).and_then(|row| row.get(c)) {
                Some(Shown::Count(n)) => {
                    let w = u32::try_from(u64::from(BAR_MAX) * n / max).unwrap_or(BAR_MAX);
                    (w, false, n.to_string())
                }
                _ => (HIDDEN_BAR, true, HIDDEN_MARK.to_owned()),
            };
            marks.push(Mark {
                y: y + bar_height - 2,
                bar_y: y,
                label: col.clone(),
                heading: false,
                width,
                hidden,
                value,
                value_x: BAR_X + width + 6,
            });
            y += line;
        }
    }
    Chart {
        title,
        desc,
        height: y + 10,
        bar_height,
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule PV-5: a hidden cell is drawn at a fixed length with `x`, whatever its count.
    #[test]
    fn hidden_cells_have_no_length_of_their_own() {
        let p = Published {
            cells: vec![vec![Shown::Count(40), Shown::Hidden]],
            row_totals: vec![Shown::Count(43)],
            column_totals: vec![Shown::Count(40), Shown::Hidden],
            grand_total: Shown::Hidden,
        };
        let rows = vec!["Mon".to_owned()];
        let cols = vec!["a".to_owned(), "b".to_owned()];
        let c = layout("T".into(), String::new(), &rows, &cols, &p);
        let bars: Vec<&Mark> = c.marks.iter().filter(|m| !m.heading).collect();
        assert_eq!((bars[0].width, bars[0].value.as_str()), (BAR_MAX, "40"));
        assert_eq!(
            (bars[1].width, bars[1].hidden, bars[1].value.as_str()),
            (HIDDEN_BAR, true, HIDDEN_MARK)
        );
    }
}
