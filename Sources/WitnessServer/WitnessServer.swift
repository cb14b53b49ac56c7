import Dispatch
import Hummingbird
import Logging
import Witness

/// The witness as an HTTP server (Hummingbird 2): the routes of ``WitnessRoutes`` on one
/// address, stopped cleanly by SIGINT or SIGTERM.
public enum WitnessServer {
    /// The Hummingbird application serving `service` on `host:port` (port 0: any free port).
    ///
    /// `onRunning` is told the bound port once the server accepts connections. The logger only
    /// reports warnings and errors: no access log, so no client address is written anywhere.
    public static func application(
        _ service: WitnessService, host: String, port: Int,
        onRunning: @escaping @Sendable (_ port: Int) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.addRoutes(WitnessRoutes(service: service).collection())
        var logger = Logger(label: "pingshen.witness")
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    public static func run(
        _ service: WitnessService, host: String, port: Int,
        onRunning: @escaping @Sendable (_ port: Int) -> Void = { _ in }
    ) async throws {
        try await application(service, host: host, port: port, onRunning: onRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// ``run(_:host:port:onRunning:)`` for a synchronous caller (the command line): blocks the
    /// calling thread — which must not be one of Swift concurrency's — until the server stops.
    public static func runBlocking(
        _ service: WitnessService, host: String, port: Int,
        onRunning: @escaping @Sendable (_ port: Int) -> Void = { _ in }
    ) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await run(service, host: host, port: port, onRunning: onRunning)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The server task's error, read after the semaphore says it finished.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
