using System.Data.Common;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Platform.Web;

/// <summary>
/// Stops the start of an instance that has no <c>DataProtection:CertificatePath</c> while the key ring it
/// shares holds keys encrypted with a certificate. Such an instance could read none of them, so it would add
/// an unencrypted key of its own to the shared ring; the other instances would then take that newer key and
/// sign every session with a key anyone with a copy of the database can read. Started right after the
/// migrations, before the data-protection services, which may create a key as they start.
/// </summary>
internal sealed partial class KeyRingCheck(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<KeyRingCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 })
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        bool encrypted;
        try
        {
            // EncryptedXmlDecryptor is the decryptor a certificate-protected key names (XmlEncryptedKey elements).
            encrypted = await db.DataProtectionKeys.AnyAsync(k => k.Xml != null && k.Xml.Contains("EncryptedXmlDecryptor"), cancellationToken);
        }
        catch (DbException e)
        {
            // An unreachable database must not stop the start: the instance reports itself not ready
            // (/health/ready) until it answers. The check is then skipped for this start.
            LogUnchecked(logger, e);
            return;
        }

        if (encrypted)
        {
            throw new InvalidOperationException(
                "The sign-in key ring in the database is encrypted with a certificate, but this instance has no DataProtection:CertificatePath: "
                + "it could not read the keys and would add an unencrypted one to the shared ring. Configure DataProtection:CertificatePath "
                + "and DataProtection:CertificatePassword as on the other instances.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key ring could not be checked for certificate-encrypted keys: the database did not answer")]
    private static partial void LogUnchecked(ILogger logger, Exception exception);
}
