using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Comptoir.Tests.Infrastructure;

/// <summary>
/// The Dovecot (IMAP) and SMTP servers that ./test.sh starts on loopback, delivering into the same maildirs.
/// Every address is a mailbox with the run's password, so each test writes and reads mailboxes of its own.
/// Without them a local run skips e-mail tests with the reason; a CI run fails, like PostgreSQL.
/// </summary>
public sealed record MailServer(string ImapHost, int ImapPort, string SmtpHost, int SmtpPort, string Password)
{
    public const string ImapVariable = "COMPTOIR_TEST_IMAP";
    public const string SmtpVariable = "COMPTOIR_TEST_SMTP";
    public const string PasswordVariable = "COMPTOIR_TEST_MAIL_PASSWORD";

    public static MailServer Require()
    {
        var imap = Environment.GetEnvironmentVariable(ImapVariable);
        var smtp = Environment.GetEnvironmentVariable(SmtpVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrWhiteSpace(imap) || string.IsNullOrWhiteSpace(smtp) || string.IsNullOrWhiteSpace(password))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{ImapVariable}, {SmtpVariable} or {PasswordVariable} is not set on CI: run the tests through ./test.sh, which starts Dovecot and the SMTP server.");
            }

            Assert.Skip($"{ImapVariable} and {SmtpVariable} are not set: run ./test.sh to start Dovecot and the SMTP server and test the e-mail channel.");
        }

        var (imapHost, imapPort) = Split(imap!);
        var (smtpHost, smtpPort) = Split(smtp!);
        return new MailServer(imapHost, imapPort, smtpHost, smtpPort, password!);
    }

    /// <summary>A mailbox no other test uses, e.g. <c>client.3f2a…@example.test</c>.</summary>
    public static string NewAddress(string name, string domain) => $"{name}.{Guid.NewGuid():N}@{domain}";

    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync(ImapHost, ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    public Task AppendAsync(string user, MimeMessage message)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(FormatOptions.Default, bytes);
        return AppendAsync(user, bytes.ToArray());
    }

    public Task AppendAsync(string user, byte[] raw) => AppendAsync(user, [raw]);

    /// <summary>
    /// Puts messages into a mailbox's INBOX, unseen, as a mail server delivering them would. The APPEND is
    /// written on the wire by hand so that the bytes arrive exactly as given, even ones MimeKit cannot read.
    /// </summary>
    public async Task AppendAsync(string user, IEnumerable<byte[]> messages)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(ImapHost, ImapPort);
        await using var wire = tcp.GetStream();
        using var reader = new StreamReader(wire, System.Text.Encoding.Latin1, leaveOpen: true);
        await reader.ReadLineAsync();
        await SendAsync(wire, $"a LOGIN \"{user}\" \"{Password}\"\r\n");
        await ExpectAsync(reader, "a");
        foreach (var raw in messages)
        {
            await SendAsync(wire, string.Create(CultureInfo.InvariantCulture, $"a APPEND INBOX {{{raw.Length}+}}\r\n"));
            await wire.WriteAsync(raw);
            await SendAsync(wire, "\r\n");
            await ExpectAsync(reader, "a");
        }

        await SendAsync(wire, "a LOGOUT\r\n");
    }

    /// <summary>Whether each message of the INBOX is flagged \Seen, in order; works for messages MimeKit cannot read.</summary>
    public async Task<IReadOnlyList<bool>> SeenAsync(string user)
    {
        using var client = await ConnectAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var summaries = await client.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags));
        await client.DisconnectAsync(true);
        return [.. summaries.Select(s => s.Flags?.HasFlag(MessageFlags.Seen) == true)];
    }

    /// <summary>The messages of a mailbox's INBOX, oldest first, without flagging them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> InboxAsync(string user)
    {
        using var client = await ConnectAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        for (var index = 0; index < client.Inbox.Count; index++)
        {
            messages.Add(await client.Inbox.GetMessageAsync(index));
        }

        await client.DisconnectAsync(true);
        return messages;
    }

    private static async Task SendAsync(Stream wire, string text) => await wire.WriteAsync(System.Text.Encoding.ASCII.GetBytes(text));

    private static async Task ExpectAsync(StreamReader reader, string tag)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                Assert.True(line.StartsWith(tag + " OK", StringComparison.Ordinal), $"The IMAP server answered: {line}");
                return;
            }
        }

        Assert.Fail($"The IMAP server closed the connection before answering {tag}.");
    }

    private static (string Host, int Port) Split(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return (hostAndPort[..colon], int.Parse(hostAndPort[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
