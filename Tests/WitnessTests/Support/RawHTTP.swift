import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain HTTP requests from the test, as any client of the protocol would send them: each on
/// its own `URLSession` task, awaited without blocking a thread, so several can race.
enum RawHTTP {
    struct Reply: Sendable {
        var status: Int
        var contentType: String
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static let session = URLSession(configuration: .ephemeral)

    /// POSTs `body`; with `ownConnection`, on a session of its own, so that racing requests
    /// travel on separate connections and reach the server at the same time.
    static func post(_ url: String, _ body: [UInt8], contentType: String = "text/plain", ownConnection: Bool = false) async throws -> Reply {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 120)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        return try await send(request, on: ownConnection ? URLSession(configuration: .ephemeral) : session)
    }

    static func get(_ url: String) async throws -> Reply {
        try await send(URLRequest(url: URL(string: url)!, timeoutInterval: 120))
    }

    private static func send(_ request: URLRequest, on session: URLSession = session) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: Reply(
                        status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                        body: Array(data ?? Data())))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }.resume()
        }
    }
}

/// Runs blocking work (the synchronous `WitnessClient`) on a thread of its own, so it never
/// holds one of the few threads Swift concurrency — and the in-process server — runs on.
func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.start()
    }
}
