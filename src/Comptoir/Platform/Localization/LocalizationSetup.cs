using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Comptoir.Platform.Localization;

public static class LocalizationSetup
{
    public const string French = "fr-FR";
    public const string English = "en-GB";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new(French), new(English)];

    public static IServiceCollection AddComptoirLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(French);
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // French first: the language is what the person chose (cookie), never guessed from the browser.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>A supported culture name, or French when the request names anything else.</summary>
    public static string Normalize(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)
                                      || string.Equals(c.TwoLetterISOLanguageName, culture, StringComparison.OrdinalIgnoreCase))?.Name
        ?? French;
}
