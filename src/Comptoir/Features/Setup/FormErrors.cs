using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Comptoir.Features.Setup;

public static class FormErrors
{
    /// <summary>Shows a use case's field-by-field errors beside the fields of the page's form.</summary>
    public static void AddErrors(this ModelStateDictionary state, string prefix, Dictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                state.AddModelError($"{prefix}.{field}", message);
            }
        }
    }
}
