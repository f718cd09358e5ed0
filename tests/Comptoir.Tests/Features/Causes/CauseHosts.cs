using Comptoir.Tests.Infrastructure;

namespace Comptoir.Tests.Features.Causes;

/// <summary>Fresh hosts whose demo data includes the taxonomy of causes and a first trained model.</summary>
public sealed class CauseHosts : FreshHosts
{
    protected override IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:Parts"] = "organisation,service-setup,causes",
    };
}
