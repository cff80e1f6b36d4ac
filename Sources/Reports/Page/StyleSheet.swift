/// The page's only CSS, inline so `index.html` needs no other file. Fonts: the Chinese system
/// fonts users have on macOS, Windows and Linux, then a generic family. Print: A4 with margins,
/// headings kept with what follows, charts and table rows never split, link targets hidden,
/// colours kept.
enum StyleSheet {
    static let fontStack =
        #"-apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif"#

    static let css = """
        :root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--good:#1a7f37;--bad:#cf222e;--accent:#0072b2}
        *{box-sizing:border-box}
        html{font-family:\(fontStack);color:var(--ink);background:#fff;font-size:14px;line-height:1.5}
        body{margin:0 auto;max-width:1040px;padding:24px}
        header{border-bottom:2px solid var(--ink);margin-bottom:16px;padding-bottom:8px}
        h1{font-size:24px;margin:0}
        h2{font-size:18px;margin:0 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
        h3{font-size:15px;margin:12px 0 6px}
        .meta{color:var(--muted);margin:4px 0 0}
        nav ul{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px}
        a{color:var(--accent)}
        section{margin:20px 0 28px}
        .tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:10px}
        .tile{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--panel);break-inside:avoid}
        .tile .name{color:var(--muted);font-size:13px}
        .tile .value{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums;display:block;margin:2px 0}
        .tile .change{font-size:12px;color:var(--muted)}
        .up-good,.down-good{color:var(--good)}.up-bad,.down-bad{color:var(--bad)}
        .tile .drill{font-size:12px;float:right}
        .note{color:var(--muted);font-style:italic;margin:6px 0}
        .warn{color:var(--bad);font-weight:600}
        .empty{color:var(--muted);border:1px dashed var(--line);border-radius:6px;padding:12px;background:var(--panel)}
        .grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}
        .side{display:grid;grid-template-columns:2fr 1fr;gap:16px;align-items:start}
        figure{margin:0}
        svg.chart{max-width:100%;height:auto;display:block}
        svg.chart text{font-family:\(fontStack)}
        table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
        caption{text-align:left;color:var(--muted);padding:2px 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
        th{background:var(--panel);font-weight:600}
        td.nowrap{white-space:nowrap}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tfoot td,tr.total td{font-weight:600}
        .drill{font-size:12px}
        dl.facts{display:grid;grid-template-columns:auto auto;gap:2px 12px;margin:0}
        dl.facts dt{color:var(--muted)}
        footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line);margin-top:24px;padding-top:8px}
        @media (max-width:720px){.grid2,.side{grid-template-columns:1fr}.tiles{grid-template-columns:repeat(2,1fr)}}
        @page{size:A4;margin:14mm 12mm}
        @media print{
        html{font-size:11px}
        body{max-width:none;padding:0}
        nav,.drill{display:none}
        a{color:inherit;text-decoration:none}
        .tiles{grid-template-columns:repeat(4,1fr)}
        .grid2{grid-template-columns:1fr}
        .side{grid-template-columns:3fr 2fr}
        section{break-inside:auto}
        section.keep{break-inside:avoid}
        h2{break-after:avoid}
        tr,figure,svg{break-inside:avoid}
        *{-webkit-print-color-adjust:exact}
        }
        """
}
