import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One synchronous HTTP POST with a deadline, for callers that are not async (the command line).
///
/// It runs a `URLSession` data task and waits on a semaphore; the session is kept for the
/// client's lifetime so connections are reused (keep-alive, as tlog-witness asks).
final class HTTPExchange: @unchecked Sendable {
    private let session: URLSession

    /// What came back.
    struct Reply {
        var status: Int
        var contentType: String
        var body: [UInt8]
    }

    /// Why nothing came back.
    enum Failure: Error {
        case timedOut
        case unreachable(String)
    }

    init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// POSTs `body` to `url` and waits at most `timeout` (plus a second's grace for the task's
    /// own timeout to fire first).
    func post(_ url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> Result<Reply, Failure> {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                let code = (error as? URLError)?.code
                box.set(.failure(code == .timedOut ? .timedOut : .unreachable(error.localizedDescription)))
            } else if let http = response as? HTTPURLResponse {
                let type = http.value(forHTTPHeaderField: "Content-Type") ?? ""
                box.set(.success(Reply(status: http.statusCode, contentType: type, body: Array(data ?? Data()))))
            } else {
                box.set(.failure(.unreachable("没有 HTTP 应答 (no HTTP response)")))
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return .failure(.timedOut)
        }
        return box.get() ?? .failure(.unreachable("没有应答 (no answer)"))
    }
}

/// The completion handler's result, handed across threads under a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<HTTPExchange.Reply, HTTPExchange.Failure>?

    func set(_ result: Result<HTTPExchange.Reply, HTTPExchange.Failure>) {
        lock.withLock { value = result }
    }

    func get() -> Result<HTTPExchange.Reply, HTTPExchange.Failure>? {
        lock.withLock { value }
    }
}
