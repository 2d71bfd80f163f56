// The widget's styles, inline: the page must stand alone on any site, in light or dark,
// on its own card or on the host page's background. System fonts, the site's colours.
export const WIDGET_STYLES = `
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:transparent}
body{font:15px/1.4 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;-webkit-font-smoothing:antialiased}
.light{--fg:#1c1917;--muted:#57534e;--card:#fff;--line:#e7e5e4;--track:#e7e5e4;--accent:#1d4ed8;--accent-hover:#1e40af;--on-accent:#fff;--link:#1e40af}
.dark{--fg:#fafaf9;--muted:#a8a29e;--card:#1c1917;--line:#44403c;--track:#44403c;--accent:#3b82f6;--accent-hover:#60a5fa;--on-accent:#0c0a09;--link:#93c5fd}
@media (prefers-color-scheme:dark){.auto{--fg:#fafaf9;--muted:#a8a29e;--card:#1c1917;--line:#44403c;--track:#44403c;--accent:#3b82f6;--accent-hover:#60a5fa;--on-accent:#0c0a09;--link:#93c5fd}}
@media (prefers-color-scheme:light){.auto{--fg:#1c1917;--muted:#57534e;--card:#fff;--line:#e7e5e4;--track:#e7e5e4;--accent:#1d4ed8;--accent-hover:#1e40af;--on-accent:#fff;--link:#1e40af}}
.w{color:var(--fg);background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px 18px}
.transparent .w{background:transparent;border-color:transparent;padding:4px 2px}
.kicker{margin:0;font-size:11px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
[dir=rtl] .kicker{letter-spacing:0}
.title{margin:4px 0 0;font:700 17px/1.3 "Iowan Old Style","Palatino Linotype",Palatino,Georgia,"Noto Serif",serif}
.title a{color:inherit;text-decoration:none}
.title a:hover{text-decoration:underline}
.total{margin:10px 0 0;display:flex;align-items:baseline;gap:6px;flex-wrap:wrap}
.total b{font-size:32px;line-height:1.1;letter-spacing:-.02em;font-variant-numeric:tabular-nums}
.total span{color:var(--muted)}
.bar{margin-top:10px;height:8px;border-radius:999px;background:var(--track);overflow:hidden}
.bar>span{display:block;height:100%;border-radius:999px;background:var(--accent)}
.goal,.split,.empty{margin:6px 0 0;font-size:12px;color:var(--muted)}
h2{margin:14px 0 6px;font-size:12px;font-weight:600;color:var(--muted)}
ol{list-style:none;margin:0;padding:0;font-size:14px}
li{display:flex;justify-content:space-between;gap:12px;padding:3px 0;border-top:1px solid var(--line)}
li:first-child{border-top:0}
li span:first-child{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.n{font-weight:600;font-variant-numeric:tabular-nums}
.foot{margin-top:14px;display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap}
.button{display:inline-block;background:var(--accent);color:var(--on-accent);font-weight:600;font-size:14px;text-decoration:none;border-radius:8px;padding:8px 14px}
.button:hover{background:var(--accent-hover)}
.button:focus-visible,.title a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.live{font-size:11px;color:var(--muted);display:inline-flex;align-items:center;gap:5px}
.live::before{content:"";width:7px;height:7px;border-radius:50%;background:#16a34a}
.small .w{padding:12px 14px}.small .title{font-size:15px}.small .total b{font-size:26px}
.large .title{font-size:19px}.large .total b{font-size:38px}
[hidden]{display:none!important}
`;
