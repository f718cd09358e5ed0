namespace Comptoir.Features.DemoData;

/// <summary>Given names and family names common where each site or country is, to draw plausible staff and customers.</summary>
public sealed record NamePool(string[] GivenNames, string[] FamilyNames)
{
    public string Draw(Random random) =>
        $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";

    public static readonly NamePool French = new(
        ["Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Emma", "Louise", "Anaïs", "Claire", "Sophie", "Nathalie", "Isabelle", "Céline",
         "Hélène", "Aurélie", "Mathilde", "Élodie", "Pauline", "Lucas", "Hugo", "Thomas", "Nicolas", "Julien", "Antoine", "Maxime", "Alexandre",
         "Romain", "Mathieu", "Pierre", "Olivier", "Laurent", "Stéphane", "Sébastien", "François", "Philippe", "Bruno", "Karim", "Mehdi", "Yanis", "Nadia"],
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel",
         "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
         "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
         "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Benali", "Haddad", "Nguyen", "Da Silva"]);

    public static readonly NamePool Tunisian = new(
        ["Amine", "Yasmine", "Mehdi", "Salma", "Skander", "Rania", "Oussama", "Mariem", "Aziz", "Ines", "Hamza", "Nour", "Wassim", "Sirine", "Firas", "Amira", "Bilel", "Eya"],
        ["Ben Ali", "Trabelsi", "Gharbi", "Jebali", "Hammami", "Ben Salah", "Mejri", "Bouazizi", "Chaabane", "Khelifi", "Ayari", "Dridi", "Saidi", "Mansouri", "Ferchichi"]);

    public static readonly NamePool Malagasy = new(
        ["Hery", "Fara", "Rivo", "Tiana", "Mialy", "Fanja", "Andry", "Lova", "Nirina", "Haja", "Voahirana", "Toky", "Sitraka", "Hanitra", "Mamy", "Ony"],
        ["Rakoto", "Rasoanaivo", "Randrianarisoa", "Rakotomalala", "Andriamampianina", "Razafindrakoto", "Ravelojaona", "Rabemananjara", "Rakotondrabe", "Andrianjafy", "Raharison", "Ranaivo"]);

    public static readonly NamePool Senegalese = new(
        ["Awa", "Moussa", "Fatou", "Mamadou", "Aminata", "Ousmane", "Khady", "Cheikh", "Mariama", "Ibrahima", "Ndeye", "Abdoulaye", "Coumba", "Modou", "Astou", "Babacar"],
        ["Diop", "Ndiaye", "Fall", "Sow", "Ba", "Diallo", "Faye", "Gueye", "Sarr", "Mbaye", "Cissé", "Seck", "Thiam", "Diagne", "Kane", "Sy"]);

    public static readonly NamePool Spanish = new(
        ["Lucía", "Sofía", "Martina", "Pablo", "Javier", "Carmen", "Alejandro", "Marta", "Diego", "Elena", "Sergio", "Laura"],
        ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"]);

    public static readonly NamePool Italian = new(
        ["Giulia", "Francesca", "Marco", "Luca", "Chiara", "Alessandro", "Sara", "Matteo", "Valentina", "Davide"],
        ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"]);

    public static readonly NamePool Polish = new(
        ["Anna", "Katarzyna", "Piotr", "Tomasz", "Agnieszka", "Paweł", "Magdalena", "Michał", "Joanna", "Krzysztof"],
        ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Woźniak", "Dąbrowski"]);

    public static readonly NamePool Romanian = new(
        ["Andreea", "Ioana", "Mihai", "Alexandru", "Elena", "Andrei", "Maria", "Bogdan", "Cristina", "Vlad"],
        ["Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Stoica", "Gheorghe", "Rusu", "Munteanu", "Constantin"]);

    public static readonly NamePool Brazilian = new(
        ["Ana", "Beatriz", "João", "Pedro", "Mariana", "Gabriel", "Juliana", "Rafael", "Larissa", "Lucas"],
        ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento", "Lima"]);

    public static readonly NamePool Argentine = new(
        ["Valentina", "Camila", "Santiago", "Mateo", "Florencia", "Joaquín", "Agustina", "Tomás", "Micaela", "Facundo"],
        ["González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez", "Pérez", "Romero", "Sosa"]);

    public static readonly NamePool Taiwanese = new(
        ["Yi-Ting", "Chia-Hao", "Shu-Fen", "Wei-Lun", "Hsin-Yi", "Chih-Wei", "Ya-Ting", "Cheng-Han", "Pei-Shan", "Jun-Jie"],
        ["Chen", "Lin", "Huang", "Chang", "Lee", "Wang", "Wu", "Liu", "Tsai", "Yang"]);

    public static NamePool ForCountry(string countryCode) => countryCode switch
    {
        "ES" => Spanish,
        "IT" => Italian,
        "PL" => Polish,
        "RO" => Romanian,
        "BR" => Brazilian,
        "AR" => Argentine,
        "TW" => Taiwanese,
        "TN" => Tunisian,
        "MG" => Malagasy,
        "SN" => Senegalese,
        _ => French,
    };
}
