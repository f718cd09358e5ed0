using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Comptoir.Features.Channels.Email;

/// <summary>An SMTP server and the account messages are sent with.</summary>
public sealed record SmtpServer(string Host, int Port, MailSecurity Security, string? User, string? Password);

/// <summary>
/// Sends a batch of messages over one connected, authenticated <see cref="SmtpClient"/> per server instead of
/// one connection per message. A message the server refuses throws for that message only and the connection
/// goes on serving the others; a server that cannot be reached is not tried again within the batch, so that
/// the rest of the batch waits for the next one rather than for one timeout each. Not thread-safe: one batch,
/// one caller.
/// <para>
/// A connection found closed before the server accepted anything of a message (closed while idle, or a
/// <c>421</c> to <c>MAIL FROM</c> from a server that limits messages per connection) is opened again once
/// and the message sent over it. A connection that breaks after the server accepted the sender is not: the
/// message may already be delivered, so the failure goes back to the caller as
/// <see cref="SmtpDeliveryUncertainException"/>, and the outbox tries it again later with the same
/// <c>Message-ID</c> (by which mail clients recognise a repeat), as every mail transfer agent does.
/// </para>
/// </summary>
public sealed class SmtpSession(int timeoutMilliseconds) : IAsyncDisposable
{
    private readonly Dictionary<SmtpServer, WatchedSmtpClient> _clients = [];
    private readonly Dictionary<SmtpServer, Exception> _unreachable = [];

    /// <summary>Connections opened so far, for the logs and the tests.</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task SendAsync(SmtpServer server, MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(server, cancellationToken);
        var reused = client.MessagesTried > 0;
        try
        {
            await SendOverAsync(client, server, message, cancellationToken);
        }
        catch (Exception e) when (reused && !client.SenderAccepted && IsClosedBeforeAnything(e))
        {
            // Closed by the server since the last message, before it took anything of this one: one fresh connection.
            await DropAsync(server);
            client = await ConnectedAsync(server, cancellationToken);
            await SendOverAsync(client, server, message, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _clients.Keys.ToList())
        {
            await DropAsync(server);
        }
    }

    private async Task SendOverAsync(WatchedSmtpClient client, SmtpServer server, MimeMessage message, CancellationToken cancellationToken)
    {
        client.SenderAccepted = false;
        client.MessagesTried++;
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (client.SenderAccepted && IsBrokenConnection(e))
        {
            await DropAsync(server);
            throw new SmtpDeliveryUncertainException(server, e);
        }
    }

    private async Task<WatchedSmtpClient> ConnectedAsync(SmtpServer server, CancellationToken cancellationToken)
    {
        if (_unreachable.TryGetValue(server, out var failure))
        {
            throw new SmtpUnreachableException(server, failure);
        }

        if (_clients.TryGetValue(server, out var existing))
        {
            if (existing.IsConnected && (string.IsNullOrEmpty(server.User) || existing.IsAuthenticated))
            {
                return existing;
            }

            await DropAsync(server);
        }

        var client = new WatchedSmtpClient { Timeout = timeoutMilliseconds };
        try
        {
            ConnectionsOpened++;
            await client.ConnectAsync(server.Host, server.Port, MailConnections.Of(server.Security), cancellationToken);
            if (!string.IsNullOrEmpty(server.User))
            {
                await client.AuthenticateAsync(server.User, server.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            _unreachable[server] = e;
            throw new SmtpUnreachableException(server, e);
        }

        _clients[server] = client;
        return client;
    }

    private async Task DropAsync(SmtpServer server)
    {
        if (!_clients.Remove(server, out var client))
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
        {
            // Already gone: nothing to say goodbye to.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static bool IsBrokenConnection(Exception e) =>
        e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException;

    private static bool IsClosedBeforeAnything(Exception e) =>
        IsBrokenConnection(e) || e is SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted, StatusCode: SmtpStatusCode.ServiceNotAvailable };

    /// <summary>An <see cref="SmtpClient"/> that remembers whether the server accepted the sender of the message being sent.</summary>
    private sealed class WatchedSmtpClient : SmtpClient
    {
        public bool SenderAccepted { get; set; }

        public int MessagesTried { get; set; }

        protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            SenderAccepted = true;
            base.OnSenderAccepted(message, mailbox, response);
        }
    }
}

/// <summary>The SMTP server could not be reached or refused the account; the messages of the batch wait for the next one.</summary>
public sealed class SmtpUnreachableException(SmtpServer server, Exception inner)
    : Exception($"Could not connect to {server.Host}:{server.Port} or sign in: {inner.Message}", inner);

/// <summary>
/// The connection broke after the server had accepted the message's sender: the message may have been delivered.
/// It is sent again later with the same <c>Message-ID</c>.
/// </summary>
public sealed class SmtpDeliveryUncertainException(SmtpServer server, Exception inner)
    : Exception($"The connection to {server.Host}:{server.Port} broke while the message was being sent; it may have been delivered and will be sent again: {inner.Message}", inner);
