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
/// goes on serving the others; a connection that broke is opened again once for the message being sent; a
/// server that cannot be reached is not tried again within the batch, so that the rest of the batch waits for
/// the next one rather than for one timeout each. Not thread-safe: one batch, one caller.
/// </summary>
public sealed class SmtpSession(int timeoutMilliseconds) : IAsyncDisposable
{
    private readonly Dictionary<SmtpServer, SmtpClient> _clients = [];
    private readonly Dictionary<SmtpServer, Exception> _unreachable = [];

    /// <summary>Connections opened so far, for the logs and the tests.</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task SendAsync(SmtpServer server, MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(server, cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (IsBrokenConnection(e))
        {
            // Closed by the server (idle timeout, restart) since the last message: one fresh connection.
            await DropAsync(server);
            client = await ConnectedAsync(server, cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _clients.Keys.ToList())
        {
            await DropAsync(server);
        }
    }

    private async Task<SmtpClient> ConnectedAsync(SmtpServer server, CancellationToken cancellationToken)
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

        var client = new SmtpClient { Timeout = timeoutMilliseconds };
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
}

/// <summary>The SMTP server could not be reached or refused the account; the messages of the batch wait for the next one.</summary>
public sealed class SmtpUnreachableException(SmtpServer server, Exception inner)
    : Exception($"Could not connect to {server.Host}:{server.Port} or sign in: {inner.Message}", inner);
