using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// Mailbox passwords are stored protected with ASP.NET Core data protection, whose keys live in the
/// database beside them, so that every instance can read them and a copy of one table alone reveals nothing.
/// </summary>
public sealed class MailboxPasswords(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Comptoir.Channels.Email.MailboxPassword");

    public string Protect(string password) => _protector.Protect(password);

    public string Reveal(string protectedPassword)
    {
        try
        {
            return _protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException e)
        {
            throw new MailboxSettingsException(
                "The stored password can no longer be read (the data protection keys changed): enter it again in the mailbox settings.", e);
        }
    }
}

/// <summary>Settings of a mailbox that cannot work as they are; the message says what to change.</summary>
public sealed class MailboxSettingsException(string message, Exception? inner = null) : Exception(message, inner);
