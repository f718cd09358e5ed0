using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Comptoir.Features.Staff.Passwords;

/// <summary>
/// Refuses a password that is one of the most common ones (README.md beside this file says where the list
/// comes from), ignoring case, and also when only digits or symbols were added around a common one, as in
/// <c>Password1234</c> or <c>!Soleil2026</c>: guessing tools try exactly those variations first.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffMember>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffMember> manager, StaffMember user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "This password is one of the most common ones." })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.Trim().ToLowerInvariant();
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }

        return Common.Value.Contains(lower) || (end > start && Common.Value.Contains(lower[start..end]));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Comptoir.Staff.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
