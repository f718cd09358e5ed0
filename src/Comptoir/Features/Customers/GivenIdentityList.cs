namespace Comptoir.Features.Customers;

/// <summary>
/// The identities a customer typed with a contact that its channel did not prove, as kept on the message
/// (<c>Messages.GivenIdentities</c>): one <c>Kind:value</c> a line. The one place that writes and reads that text.
/// </summary>
public static class GivenIdentityList
{
    /// <summary>The text to store, null when nothing was given; whole lines only, within <paramref name="maxLength"/>.</summary>
    public static string? Format(IEnumerable<(IdentityKind Kind, string Value)> given, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(given);
        var text = "";
        foreach (var line in given.Select(i => $"{i.Kind}:{i.Value}"))
        {
            var longer = text.Length == 0 ? line : text + "\n" + line;
            if (longer.Length > maxLength)
            {
                break;
            }

            text = longer;
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>The identities a stored text names, each unverified.</summary>
    public static IReadOnlyList<IdentityView> Parse(string? text) => text is null
        ? []
        : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && Enum.TryParse<IdentityKind>(parts[0], out _))
            .Select(parts => new IdentityView(Enum.Parse<IdentityKind>(parts[0]), parts[1], IdentityProof.Unverified))];
}
