package io.camelexo.exchangeonline.simulator.tenant;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Word pools for synthetic people, rooms, teams and devices. */
final class Names {

    static final List<String> FIRST = List.of(
            "Adele",
            "Alex",
            "Allan",
            "Andrea",
            "Anna",
            "Ben",
            "Bianca",
            "Carla",
            "Chen",
            "Christie",
            "Daniel",
            "Debra",
            "Diego",
            "Elena",
            "Emily",
            "Enrico",
            "Fatima",
            "Felix",
            "Grady",
            "Hannah",
            "Henrietta",
            "Irvin",
            "Isaiah",
            "Jana",
            "Johanna",
            "Joni",
            "Jonas",
            "Karim",
            "Lara",
            "Lee",
            "Lidia",
            "Lynne",
            "Maja",
            "Marek",
            "Megan",
            "Miriam",
            "Nestor",
            "Nora",
            "Olga",
            "Omar",
            "Patti",
            "Pradeep",
            "Priya",
            "Raul",
            "Rosa",
            "Sanjay",
            "Sara",
            "Sven",
            "Tomas",
            "Ulrike",
            "Vera",
            "Wei",
            "Yara",
            "Zoe");

    static final List<String> LAST = List.of(
            "Abbott",
            "Bauer",
            "Becker",
            "Brown",
            "Costa",
            "Diaz",
            "Dubois",
            "Fischer",
            "Garcia",
            "Gonzalez",
            "Hansen",
            "Hoffmann",
            "Iyer",
            "Jensen",
            "Johnson",
            "Kaur",
            "Keller",
            "Kim",
            "Kowalski",
            "Larsen",
            "Lopez",
            "Martin",
            "Meyer",
            "Miller",
            "Moreau",
            "Muller",
            "Nakamura",
            "Nguyen",
            "Novak",
            "Olsen",
            "Patel",
            "Petrov",
            "Rossi",
            "Santos",
            "Schmidt",
            "Schulz",
            "Silva",
            "Smith",
            "Suzuki",
            "Tanaka",
            "Vance",
            "Wagner",
            "Weber",
            "Wilber",
            "Wright",
            "Yamamoto",
            "Zhang");

    static final List<String> TEAMS = List.of(
            "Billing",
            "Support",
            "Sales",
            "Recruiting",
            "Facilities",
            "Legal",
            "Marketing",
            "Payroll",
            "Procurement",
            "Reception",
            "Security",
            "Service Desk",
            "Shipping",
            "Training",
            "Travel",
            "Press");

    static final List<String> CITIES = List.of(
            "Amsterdam",
            "Berlin",
            "Boston",
            "Dublin",
            "Lisbon",
            "London",
            "Madrid",
            "Milan",
            "Munich",
            "Oslo",
            "Paris",
            "Prague",
            "Seattle",
            "Singapore",
            "Sydney",
            "Tokyo",
            "Vienna",
            "Warsaw",
            "Zurich");

    static final List<String> EQUIPMENT = List.of("Projector", "Camera", "Van", "Laptop Cart", "Podium", "Screen");

    static final List<String> COUNTRIES = List.of(
            "Germany",
            "United States",
            "United Kingdom",
            "France",
            "Netherlands",
            "Spain",
            "Italy",
            "Japan",
            "India",
            "Brazil",
            "Australia",
            "Poland",
            "Sweden",
            "Switzerland",
            "Ireland");

    static final List<String> DEPARTMENTS = List.of(
            "Finance",
            "Engineering",
            "Sales",
            "Marketing",
            "Operations",
            "HR",
            "Legal",
            "IT",
            "Research",
            "Customer Success");

    static final List<String> DEVICES = List.of("iPhone", "iPad", "Android", "Outlook", "WindowsMail", "SamsungDevice");

    /** Names in other scripts: Cyrillic, CJK (Chinese, Japanese, Korean), Arabic, Hebrew, Greek, Devanagari, Thai. */
    static final List<String> OTHER_SCRIPTS = List.of(
            "Ольга Петрова",
            "дмитрий иванов",
            "王伟",
            "田中 花子",
            "김민준",
            "محمد علي",
            "فاطمة الزهراء",
            "דוד לוי",
            "Σοφία Παππά",
            "प्रिया शर्मा",
            "สมชาย ใจดี");

    /** Latin letters outside ASCII, in both cases. */
    static final List<String> ACCENTED =
            List.of("Élodie Dubois", "Øystein Berg", "ärger Team", "Ñandú Office", "ıstanbul Desk");

    /** Characters a name may start with that are neither letters nor digits, incl. emoji outside the BMP. */
    static final List<String> LEADING_SYMBOLS =
            List.of("#", "_", "(", "'", "-", "!", "&", "+", ".", "@", "~", "$", "[", "\"", "😀 ", "🚀 ", "☕ ", "🎉");

    private Names() {}

    /**
     * A mailbox name that may start with any kind of character: digits, punctuation, emoji (surrogate pairs), another
     * script, upper or lower case, or the alias itself. It ends with the index, so it is unique and -Identity finds it.
     */
    static String varied(SplittableRandom random, String alias, String displayName, int index) {
        return switch (random.nextInt(10)) {
            case 0 -> alias;
            case 1 -> displayName + " " + index;
            case 2 -> alias.toUpperCase(Locale.ROOT);
            case 3 -> displayName.toLowerCase(Locale.ROOT) + " " + index;
            case 4 -> random.nextInt(10_000) + " " + displayName + " " + index;
            case 5 -> pick(LEADING_SYMBOLS, random) + displayName + " " + index;
            case 6, 7 -> pick(OTHER_SCRIPTS, random) + " " + index;
            case 8 -> pick(ACCENTED, random) + " " + index;
            default -> pick(LEADING_SYMBOLS, random) + pick(OTHER_SCRIPTS, random) + " " + index;
        };
    }

    static String pick(List<String> pool, SplittableRandom random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** "Service Desk" → "servicedesk": alias-safe. */
    static String aliasPart(String words) {
        // A loop, not a regex: this runs for every record of a listing.
        StringBuilder alias = new StringBuilder(words.length());
        for (char c : words.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                alias.append(c);
            }
        }
        return alias.toString();
    }
}
