import Hummingbird
import NIOCore

/// The request context of `bk-holder`: Hummingbird's basics plus the connection's channel, so
/// that a fault can reset the TCP connection itself.
struct HolderRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
