//! The trend view: the chosen companies' articles per bucket as a line chart (legend,
//! date labels, a cursor read out below it), each company's total and busiest bucket
//! when there is room; a bar chart of totals when the digest is a single bucket.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::layout::{Direction, Layout};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Block, Borders, Chart, Clear, Dataset, GraphType, LegendPosition,
    Paragraph,
};

use crate::tui::app::{App, Overlay, group_digits};
use crate::tui::trends::{Chosen, TrendView};

/// Rows the chart needs before the per-company summary gets room below it.
const CHART_ROWS_FIRST: u16 = 18;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Overlay::Trends(view) = &app.overlay else {
        return;
    };
    let chosen = match view.chosen {
        Chosen::Chips => "the company filter",
        Chosen::Picker => "picked",
        Chosen::TopOfView => "the view's top companies",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focused)
        .title(Span::styled(
            format!(
                " Trends · articles per {} · {chosen} ",
                view.timeline.bucket().name()
            ),
            app.theme.title,
        ))
        .title_bottom(Line::styled(" ← → move · Esc closes ", app.theme.dim).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);

    let rows = view.series.len() as u16;
    let summary_rows = if inner.height >= CHART_ROWS_FIRST + 2 + rows {
        rows + 1
    } else {
        0
    };
    let [chart_area, readout_area, summary_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(summary_rows),
    ])
    .areas(inner);
    if view.timeline.len() < 2 {
        totals_chart(app, view, frame, chart_area);
    } else {
        line_chart(app, view, frame, chart_area);
    }
    frame.render_widget(Paragraph::new(readout(app, view)), readout_area);
    if summary_rows > 0 {
        frame.render_widget(Paragraph::new(summary(app, view)), summary_area);
    }
}

fn line_chart(app: &App, view: &TrendView, frame: &mut Frame, area: Rect) {
    let len = view.timeline.len();
    let points: Vec<Vec<(f64, f64)>> = view
        .series
        .iter()
        .map(|s| {
            s.counts
                .iter()
                .enumerate()
                .map(|(i, &c)| (i as f64, f64::from(c)))
                .collect()
        })
        .collect();
    let top = view
        .series
        .iter()
        .flat_map(|s| s.counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let cursor = view.cursor as f64;
    let cursor_line = [(cursor, 0.0), (cursor, f64::from(top))];
    // The cursor first, so the companies' lines are drawn over it.
    let mut datasets = vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(app.theme.dim)
            .data(&cursor_line),
    ];
    for (i, (series, points)) in view.series.iter().zip(&points).enumerate() {
        datasets.push(
            Dataset::default()
                .name(format!(
                    "{} {}",
                    app.companies.name(series.company),
                    group_digits(series.total as usize)
                ))
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(app.theme.series(i))
                .data(points),
        );
    }
    let labels = (usize::from(area.width) / 14).clamp(2, 7).min(len);
    let x_labels: Vec<Span> = (0..labels)
        .map(|j| {
            let i = (j * (len - 1) + (labels - 1) / 2) / (labels - 1).max(1);
            Span::styled(view.timeline.label(i), app.theme.dim)
        })
        .collect();
    let y_labels: Vec<Span> = [0, top / 2, top]
        .into_iter()
        .map(|v| Span::styled(group_digits(v as usize), app.theme.dim))
        .collect();
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .style(app.theme.border)
                .bounds([0.0, (len - 1) as f64])
                .labels(x_labels),
        )
        .y_axis(
            Axis::default()
                .style(app.theme.border)
                .bounds([0.0, f64::from(top)])
                .labels(y_labels),
        )
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)));
    frame.render_widget(chart, area);
}

/// One bucket has nothing to plot over time: the companies' totals as bars instead.
fn totals_chart(app: &App, view: &TrendView, frame: &mut Frame, area: Rect) {
    let bars: Vec<Bar> = view
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::with_label(app.companies.name(s.company), u64::from(s.total))
                .style(app.theme.series(i))
                .value_style(app.theme.series(i).reversed())
        })
        .collect();
    let [note, chart] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let when = view.timeline.label(0);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "All the articles are of one {} ({when}): totals",
                view.timeline.bucket().name()
            ),
            app.theme.dim,
        )),
        note,
    );
    frame.render_widget(
        BarChart::horizontal(bars)
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(1),
        chart,
    );
}

/// `2019-06  Google 12 · Apple 7`: the counts in the bucket under the cursor.
fn readout<'a>(app: &'a App, view: &TrendView) -> Line<'a> {
    let mut spans = vec![Span::styled(
        format!("{}  ", view.timeline.label(view.cursor)),
        app.theme.title,
    )];
    for (i, s) in view.series.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", app.theme.dim));
        }
        let count = s.counts.get(view.cursor).copied().unwrap_or(0);
        spans.push(Span::styled(
            app.companies.name(s.company),
            app.theme.series(i),
        ));
        spans.push(Span::raw(format!(" {}", group_digits(count as usize))));
    }
    Line::from(spans)
}

/// Per company: total articles and the busiest bucket.
fn summary<'a>(app: &'a App, view: &TrendView) -> Vec<Line<'a>> {
    let width = view
        .series
        .iter()
        .map(|s| app.companies.name(s.company).chars().count())
        .max()
        .unwrap_or(0);
    let totals: Vec<String> = view
        .series
        .iter()
        .map(|s| group_digits(s.total as usize))
        .collect();
    let total_width = totals.iter().map(String::len).max().unwrap_or(0);
    let mut lines = vec![Line::raw("")];
    for ((i, s), total) in view.series.iter().enumerate().zip(totals) {
        let name = app.companies.name(s.company);
        let pad = width.saturating_sub(name.chars().count());
        let peak = s.peak().map_or(String::new(), |(at, n)| {
            format!(
                " · busiest {} ({})",
                view.timeline.label(at),
                group_digits(n as usize)
            )
        });
        lines.push(Line::from(vec![
            Span::styled("■ ", app.theme.series(i)),
            Span::styled(name, app.theme.series(i)),
            Span::raw(format!(
                "{}  {total:>total_width$} articles{peak}",
                " ".repeat(pad)
            )),
        ]));
    }
    lines
}
