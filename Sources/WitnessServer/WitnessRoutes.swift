import Foundation
import Hummingbird
import Witness

/// The witness's routes: C2SP `POST /add-checkpoint`, pingshen's `POST /pingshen/register`, and
/// the status page (`GET /`, `GET /status.json`).
///
/// Request bodies are capped (larger ones get 413 before the witness sees them); every answer
/// is the one ``WitnessService`` decided. Nothing is logged per request, addresses least of all.
struct WitnessRoutes {
    let service: WitnessService

    /// The largest add-checkpoint body accepted: a note with 64 signatures and 63 proof lines
    /// is a few KiB, so 1 MiB leaves room without inviting abuse.
    static let maximumCheckpointBody = 1 << 20

    func collection() -> RouteCollection<BasicRequestContext> {
        let routes = RouteCollection(context: BasicRequestContext.self)
        routes.post("add-checkpoint") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: Self.maximumCheckpointBody)
            return Response(service.addCheckpoint(Array(buffer: body)).response)
        }
        routes.post("pingshen/register") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: LogRegistration.maximumBodySize)
            return Response(service.register(Array(buffer: body)).response)
        }
        routes.get("/") { _, _ -> Response in
            let page = StatusPage.render(service.status(), now: Date())
            return Response(WitnessResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(page.utf8)))
        }
        routes.get("status.json") { _, _ -> Response in
            Response(WitnessResponse(status: 200, contentType: "application/json", body: service.status().json))
        }
        return routes
    }
}

extension Response {
    /// The HTTP form of a witness answer.
    init(_ answer: WitnessResponse) {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        headers[.cacheControl] = "no-store"
        self.init(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
