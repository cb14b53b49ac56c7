import Foundation
import Witness

/// The witness's status page: which meetings it witnesses and how far, in Chinese, one
/// self-contained HTML document (inline style, no external resources) that refreshes itself.
enum StatusPage {
    static func render(_ status: WitnessStatus, now: Date) -> String {
        var rows = ""
        for log in status.logs {
            let time = log.cosignedAt.map { Self.beijing(Date(timeIntervalSince1970: TimeInterval($0))) } ?? "尚未见证"
            rows += """
            <tr><td>\(e(log.meeting.committee))</td><td>\(e(log.meeting.session))</td><td>\(e(log.meeting.date))</td>\
            <td>\(e(log.meeting.host))</td><td><code>\(e(log.origin))</code></td><td class="n">\(log.size)</td>\
            <td>\(e(time))</td><td class="n\(log.refused > 0 ? " warn" : "")">\(log.refused)</td></tr>

            """
        }
        let table = status.logs.isEmpty
            ? "<p class=\"empty\">尚未登记任何会议。会议开始时，会议电脑会向本机登记。</p>"
            : """
            <table>
            <tr><th>评委会</th><th>会议编号</th><th>开会日期</th><th>主持人</th><th>日志来源 (origin)</th>\
            <th>已见证条数</th><th>最近见证时间（北京时间）</th><th>拒绝的请求</th></tr>
            \(rows)</table>
            """
        return """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="10">
        <title>评审会议见证方 — pingshen witness</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
        h1 small { font-weight: normal; color: #666; font-size: 55%; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #bbb; padding: .35em .6em; text-align: left; }
        th { background: #f0f0f0; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        td.warn { color: #b00; font-weight: bold; }
        dt { font-weight: bold; margin-top: .4em; }
        dd { margin-left: 1em; }
        code { font-size: 90%; word-break: break-all; }
        .empty, footer { color: #666; }
        </style>
        </head>
        <body>
        <h1>评审会议见证方 <small>pingshen witness</small></h1>
        <p>本机独立于会议电脑，为评审会议日志的每个检查点签署见证：签名前先把检查点写入本机硬盘，\
        因此会议电脑无法改写已经展示过的记录。“拒绝的请求”不为零时，说明有人提交了与已见证记录不一致的检查点，请保存本机状态文件夹并报告。</p>
        <dl>
        <dt>见证方名称（签名密钥名）</dt><dd><code>\(e(status.witness))</code></dd>
        <dt>见证方公钥（Ed25519，base64）</dt><dd><code>\(e(status.publicKey))</code></dd>
        <dt>所信任的评委会印章</dt><dd>\(e(status.committee))</dd>
        </dl>
        <h2>见证的会议</h2>
        \(table)
        <footer>页面生成于 \(e(beijing(now)))（北京时间），每 10 秒自动刷新 · <a href="status.json">status.json</a></footer>
        </body>
        </html>

        """
    }

    /// `2026-11-26 09:00:05` in China Standard Time (UTC+8, no daylight saving).
    static func beijing(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// `text` escaped for HTML element content and attribute values.
    static func e(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
