using MailKit.Security;

namespace Comptoir.Features.Channels.Email;

public static class MailConnections
{
    /// <summary>
    /// The mailbox's choice, never <see cref="SecureSocketOptions.Auto"/>: a server that silently stops
    /// offering STARTTLS must fail rather than receive the password in clear.
    /// </summary>
    public static SecureSocketOptions Of(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
