import NIOCore
import BlauweKnop

/// The connections each client address holds open to one listener.
final class ClientConnections: Sendable {
    private let counts = Locked<[String: Int]>([:])
    /// Connections one address may hold at once.
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Counts one more connection of `address`; false when it already holds its share.
    func admit(_ address: String) -> Bool {
        counts.withLock { counts in
            guard counts[address, default: 0] < limit else { return false }
            counts[address, default: 0] += 1
            return true
        }
    }

    /// Counts one connection of `address` less.
    func release(_ address: String) {
        counts.withLock { counts in
            let left = counts[address, default: 1] - 1
            counts[address] = left > 0 ? left : nil
        }
    }
}

/// Closes a new connection at once when its client address already holds its share, so that
/// one client's thousands of half-open connections never lock out another client.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let connections: ClientConnections
    private var admitted: String?

    init(connections: ClientConnections) { self.connections = connections }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if admitted == nil { admit(context) }
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { release() }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard let address = context.channel.remoteAddress?.ipAddress else { return }
        if connections.admit(address) {
            admitted = address
        } else {
            context.close(promise: nil)
        }
    }

    private func release() {
        if let address = admitted { connections.release(address) }
        admitted = nil
    }
}
