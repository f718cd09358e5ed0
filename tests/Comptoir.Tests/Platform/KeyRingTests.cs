using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Comptoir.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Platform;

/// <summary>The keys behind sign-in cookies are stored encrypted when a certificate is configured.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_an_instance_without_it_does_not_start()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        var pfx = Path.Combine(Path.GetTempPath(), $"comptoir-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Comptoir key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"), TestContext.Current.CancellationToken);
        }

        var withCertificate = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "secret" };
        try
        {
            string token;
            await using (var first = new ComptoirHost(database, withCertificate))
            {
                token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session");
            }

            var stored = await ReadKeysAsync(database);
            await using var second = new ComptoirHost(database, withCertificate);

            Assert.Contains("EncryptedXmlDecryptor", Assert.Single(stored), StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", stored[0], StringComparison.Ordinal);
            Assert.Equal("session", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));

            // An instance without the certificate could read no key, and would add a clear one to the shared
            // ring: it does not start, and the ring is left as it was.
            await using var without = new ComptoirHost(database);
            var refused = Assert.ThrowsAny<Exception>(() => without.Services);
            Assert.Contains("has no DataProtection:CertificatePath", refused.ToString(), StringComparison.Ordinal);
            Assert.Equal(stored, await ReadKeysAsync(database));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_the_setting_named()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = "/nonexistent/keys.pfx" });

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("DataProtection:CertificatePath '/nonexistent/keys.pfx'", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The stored keys, read straight from the file.</summary>
    private static async Task<List<string>> ReadKeysAsync(TestDatabase database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\"";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
