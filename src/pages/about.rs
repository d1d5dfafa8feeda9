//! The 关于 view: what the corpus is, how to add replies, what stays in the
//! browser, and the stable hooks that tests and embedders may rely on.

use yew::prelude::*;

use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::tracker::STORAGE_KEY;
use crate::state::use_app;

/// What an exported tracker file looks like.
const TRACKER_EXAMPLE: &str = r#"{
  "format": "dafu.tracker",
  "version": 2,
  "exported": "2025-11-23",
  "entries": {
    "c-739b8fe94889": {
      "status": "kept",
      "note": "…",
      "date": "2025-11-23",
      "modified": "2025-11-23T08:15:30.123Z"
    }
  }
}"#;

#[function_component(AboutPage)]
pub fn about_page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let entries = &app.corpus.entries;
    let dates: Vec<_> = entries.iter().filter_map(|e| e.meta.date).collect();
    let range = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if a == b => format::date(*a, lang),
        (Some(a), Some(b)) => format!("{} – {}", format::date(*a, lang), format::date(*b, lang)),
        _ => lang.pick("日期未注明", "dates not stated").to_owned(),
    };
    let proposals = entries
        .iter()
        .filter(|e| e.meta.kind == Some(dafu_parser::ReplyKind::Proposal))
        .count();
    let suggestions = entries
        .iter()
        .filter(|e| e.meta.kind == Some(dafu_parser::ReplyKind::Suggestion))
        .count();
    let figures: usize = entries.iter().map(|e| e.figures).sum();
    let commitments: usize = entries.iter().map(|e| e.commitments.len()).sum();

    let corpus = match lang {
        Lang::Zh => format!(
            "本应用收录上海市科学技术委员会对市人大代表建议和市政协委员提案的 {} 份公开答复（政协提案 {proposals} 份，人大代表建议 {suggestions} 份），落款日期 {range}。共识别出 {figures} 个数字和 {commitments} 项下一步工作承诺。",
            entries.len()
        ),
        Lang::En => format!(
            "This app holds {} public replies of the Shanghai Science and Technology Commission to CPPCC members' proposals ({proposals}) and People's Congress deputies' suggestions ({suggestions}), signed {range}. The parser found {figures} figures and {commitments} next-step commitments in them.",
            entries.len()
        ),
    };

    html! {
        <article class="about-page">
            <header class="page-head">
                <h1>{ lang.pick("关于", "About") }</h1>
                <p class="lede">{ corpus }</p>
            </header>

            <section aria-labelledby="about-read">
                <h2 id="about-read">{ lang.pick("这是什么", "What this is") }</h2>
                <p>{ lang.pick(
                    "每份答复都在构建时被解析为结构化文档：元数据（文号、类型、会议、提案号、提出人、办理结果、公开属性、日期、联系人、抄送）、正文段落与标题、正文中的每个数字，以及“下一步”部分的每项承诺。浏览器载入的是已解析好的结果，运行时不再请求任何数据。",
                    "Each reply is parsed into a structured document when the app is built: metadata (document number, kind, session, proposal number, proposers, handling result, disclosure, date, contact, cc), paragraphs and headings, every figure of the text, and every commitment of the next-steps part. The browser loads the finished result and fetches nothing at run time.",
                ) }</p>
            </section>

            <section aria-labelledby="about-add">
                <h2 id="about-add">{ lang.pick("添加答复", "Adding replies") }</h2>
                <ol>
                    <li>{ lang.pick(
                        "把答复全文（UTF-8 或 GBK 编码的 .txt 或 .md 文件）放入项目的 corpus/ 文件夹。",
                        "Put the reply's full text (a .txt or .md file, UTF-8 or GBK) into the project's corpus/ folder.",
                    ) }</li>
                    <li>{ lang.pick("重新构建：", "Rebuild: ") }<code>{ "./x build" }</code>{ lang.pick("（或 ", " (or ") }<code>{ "./x serve" }</code>{ lang.pick("）。", ")." ) }</li>
                    <li>{ lang.pick(
                        "无法识别为答复的文件会使构建停止，并给出解析器的说明；用 dafu check corpus/ 可以先行检查。",
                        "A file that is not a recognisable reply stops the build with the parser's message; dafu check corpus/ gives the same verdict beforehand.",
                    ) }</li>
                </ol>
                <p>{ lang.pick(
                    "承诺的标识由文号和承诺标题生成，重新构建后保持不变，已记录的进展不会错配到其他承诺上。",
                    "A commitment's id is derived from the document number and the commitment's heading, so it survives rebuilds and saved statuses never attach to the wrong item.",
                ) }</p>
            </section>

            <section aria-labelledby="about-privacy">
                <h2 id="about-privacy">{ lang.pick("隐私", "Privacy") }</h2>
                <p>{ lang.pick(
                    "一切都在您的浏览器中完成。承诺进展和备注只保存在本浏览器的 localStorage 中，不会发送到任何地方；本应用不使用服务器、账号、统计或外部字体。换一台电脑或浏览器时，请用“承诺”页的导出与导入功能转移记录。",
                    "Everything happens in your browser. Statuses and notes are kept only in this browser's localStorage and are sent nowhere; the app uses no server, account, analytics or outside fonts. To move your record to another computer or browser, use Export and Import on the Commitments page.",
                ) }</p>
                <p>{ lang.pick("存储键：", "Storage key: ") }<code>{ STORAGE_KEY }</code>{ lang.pick(
                    "。若其中的内容无法读取，应用会提示，并把原内容另存为带 .corrupt- 后缀的键，不会覆盖或删除；若由较新版本的 dafu 保存，本版本只读取、不改写。同一浏览器中打开的多个标签页会互相同步，按条目合并。",
                    ". If what it holds cannot be read, the app says so and sets the original aside under a key ending in .corrupt-<time>; it is never overwritten or deleted. If a newer version of dafu saved it, this version reads it and never writes it. Tabs open in the same browser keep each other up to date, merging entry by entry.",
                ) }</p>
            </section>

            <section aria-labelledby="about-hooks">
                <h2 id="about-hooks">{ lang.pick("数据约定", "Data contract") }</h2>
                <p>{ lang.pick(
                    "以下页面标记是稳定约定，可供测试与嵌入使用：",
                    "These page attributes are a stable contract for tests and embedding:",
                ) }</p>
                <dl class="hooks">
                    <dt><code>{ "data-reply" }</code></dt>
                    <dd>{ lang.pick("结果列表中的每份答复，值为文号。", "each reply of the result list; the value is its document number.") }</dd>
                    <dt><code>{ "data-figure" }</code></dt>
                    <dd>{ lang.pick(
                        "正文中每个高亮数字，值为类型：money、count、percent、multiple、other。",
                        "each highlighted figure of the text; the value is its kind: money, count, percent, multiple, other.",
                    ) }</dd>
                    <dt><code>{ "data-commitment" }</code></dt>
                    <dd>{ lang.pick("每项承诺，值为其稳定标识。", "each commitment; the value is its stable id.") }</dd>
                    <dt><code>{ "#/replies/<文号>" }</code><br /><code>{ "#/commitments" }</code><br /><code>{ "#/figures" }</code></dt>
                    <dd>{ lang.pick(
                        "网址的 # 部分记录当前视图、打开的答复与筛选条件，可直接分享或收藏。",
                        "the URL's # part holds the view, the open reply and the filters: share or bookmark it.",
                    ) }</dd>
                </dl>
                <p>{ lang.pick(
                    "承诺进展的导出文件（格式与 localStorage 中保存的相同，另加导出日期 exported）：",
                    "The commitments export (the format localStorage holds, plus the export date):",
                ) }</p>
                <pre class="json"><code>{ TRACKER_EXAMPLE }</code></pre>
                <p>{ lang.pick(
                    "status 取值 not_rated（未评估）、in_the_works（推进中）、stalled（停滞）、compromise（部分落实）、kept（已落实）、broken（未落实）；date 为最近一次设定进展的日期，modified 为最近一次修改进展或备注的时间（UTC）。数据页导出的 CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开。",
                    "status is one of not_rated, in_the_works, stalled, compromise, kept, broken; date is when the status was last set, modified when the status or the note last changed (UTC). The Figures page's CSV is UTF-8 with a byte-order mark, so Excel opens it directly.",
                ) }</p>
            </section>

            // Hidden in the offline file itself (tools/post-build.mjs).
            <section aria-labelledby="about-offline" data-offline-link="">
                <h2 id="about-offline">{ lang.pick("离线版", "Offline copy") }</h2>
                if crate::web::install::kept_offline() {
                    <p data-offline-kept="">{ lang.pick(
                        "可离线使用：此浏览器已保存本站，没有网络时仍可在此地址打开，阅读已保存的答复。",
                        "Available offline: this browser keeps a copy of this site, which opens at this address without a network, with the replies it has kept.",
                    ) }</p>
                }
                <p>{ lang.pick(
                    "整个应用（含全部答复）也是一个独立的 HTML 文件：可拷贝到 U 盘或共享盘，双击即可在 Chrome、Edge 或 Firefox 中打开，无需服务器和网络。",
                    "The whole app, with every reply, is also one self-contained HTML file: copy it to a USB stick or a shared drive and open it by double-click in Chrome, Edge or Firefox, with no server and no network.",
                ) }</p>
                <p><a href="dafu-offline.html" download="dafu-offline.html">{ lang.pick("下载离线版", "Download the offline copy") }</a></p>
            </section>
        </article>
    }
}
