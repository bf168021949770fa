-- Entities of Abb & Polianskii (2022), "A new Sino-Russian Entente?".
--
-- One record per call: entity { id, name, kind, aliases, description }.
-- The name is always an alias (ord 0); `aliases` lists further forms as they
-- occur in the text, plus a few that users would type (marked below). Aliases
-- are matched case-insensitively on word boundaries after folding, so an
-- alias must never be an ordinary English word ("US" would match "us").
-- Chinese forms match inside runs of Han characters (which have no word
-- boundaries), Russian ones in their inflected forms (России, Путина) unless
-- they are acronyms in capitals (НАТО); each alias's script (Latn, Cyrl,
-- Hani) is derived from it and stored with it (alias.script).
-- See data/README.md for the rules.

------------------------------------------------------------------------------
-- States
------------------------------------------------------------------------------

entity { id = "china", name = "China", kind = "state",
  aliases = { "Chinese", "Beijing", "Sino",          -- as in the text
              "PRC", "People's Republic of China",  -- typed by users
              "中国", "中华人民共和国", "北京", "中方", "Китай", "КНР", "Пекин" },  -- Chinese and Russian forms
  description = "The People's Republic of China; \"Beijing\" stands for its "
    .. "government and \"Sino-\" for the country in compounds (Sino-Russian)." }

entity { id = "russia", name = "Russia", kind = "state",
  aliases = { "Russian", "Moscow", "Kremlin",        -- as in the text
              "Russian Federation",  -- typed by users
              "俄罗斯", "俄国", "莫斯科", "克里姆林宫", "俄方",   -- Chinese and Russian forms
              "Россия", "РФ", "Российская Федерация", "Москва", "Кремль" },
  description = "The Russian Federation; \"Moscow\" and \"the Kremlin\" stand "
    .. "for its government and leadership." }

entity { id = "ukraine", name = "Ukraine", kind = "state",
  aliases = { "Ukrainian", "Kiev",                   -- as in the text
              "Kyiv",  -- current spelling
              "乌克兰", "基辅", "Украина", "Киев" },  -- Chinese and Russian forms
  description = "Ukraine, the object of the 2021-22 crisis; \"Kiev\" stands "
    .. "for its government." }

entity { id = "united-states", name = "United States", kind = "state",
  aliases = { "U.S.", "American",                    -- as in the text
              "USA", "Washington", "America",  -- typed by users
              "美国", "华盛顿", "美方", "США", "Вашингтон" },  -- Chinese and Russian forms
  description = "The United States of America, the leading Western power "
    .. "whose pressure and alliances frame the Sino-Russian relationship. "
    .. "\"US\" is deliberately not an alias (it would match the pronoun)." }

------------------------------------------------------------------------------
-- Organisations and groupings
------------------------------------------------------------------------------

entity { id = "the-west", name = "the West", kind = "organization",
  aliases = { "West", "Western",
              "西方", "Запад" },  -- Chinese and Russian forms
  description = "The Western camp as the article uses it: the U.S., the EU "
    .. "and NATO members, whose military and normative pressure is the main "
    .. "driver of Sino-Russian alignment. Coded as a grouping (organization)." }

entity { id = "nato", name = "NATO", kind = "organization",
  aliases = { "North Atlantic Treaty Organization",
              "北约", "北大西洋公约组织", "НАТО" },  -- Chinese and Russian forms
  description = "The North Atlantic alliance; its backing for Ukraine and its "
    .. "expansion are central to Russia's grievances." }

entity { id = "eu", name = "EU", kind = "organization",
  aliases = { "European Union",
              "欧盟", "Евросоюз", "ЕС", "Европейский союз" },  -- Chinese and Russian forms
  description = "The European Union, with the U.S. the trade partner whose "
    .. "links expose China to secondary sanctions." }

entity { id = "un", name = "UN", kind = "organization",
  aliases = { "United Nations",
              "联合国", "ООН" },  -- Chinese and Russian forms
  description = "The United Nations, one of the fields of Sino-Russian "
    .. "cooperation named in the joint statement." }

entity { id = "unsc", name = "UN Security Council", kind = "organization",
  aliases = { "UNSC", "Security Council",
              "联合国安理会", "安理会", "Совбез ООН", "Совет Безопасности ООН" },  -- Chinese and Russian forms
  description = "The UN Security Council, where China joined Russia against "
    .. "a debate on Ukraine in 2022 and abstained on Crimea in 2014." }

entity { id = "aukus", name = "AUKUS", kind = "organization",
  aliases = {},
  description = "The security partnership of Australia, the UK and the U.S. "
    .. "(announced 2021-09-15), cited as a U.S.-led alliance scheme in the "
    .. "Indo-Pacific that China opposes." }

entity { id = "brics", name = "BRICS", kind = "organization",
  aliases = { "金砖国家", "БРИКС" },  -- Chinese and Russian forms
  description = "Brazil, Russia, India, China and South Africa; named in the "
    .. "title of reference 2." }

entity { id = "prif", name = "PRIF", kind = "organization",
  aliases = { "Peace Research Institute Frankfurt" },
  description = "The Peace Research Institute Frankfurt, publisher of the "
    .. "article (PRIF Spotlight 2/2022); from the bibliographic record, not "
    .. "named in the text." }

entity { id = "oxford-university-press", name = "Oxford University Press",
  kind = "organization", aliases = {},
  description = "Publisher of the volume of reference 2." }

------------------------------------------------------------------------------
-- Persons
------------------------------------------------------------------------------

entity { id = "putin", name = "Vladimir Putin", kind = "person",
  aliases = { "Putin",
              "普京", "Путин", "Владимир Путин" },  -- Chinese and Russian forms
  description = "President of Russia; his visit to the Beijing Olympics "
    .. "occasioned the joint statement. (Xi Jinping is not named in the "
    .. "article and has no record.)" }

entity { id = "wang-yi", name = "Wang Yi", kind = "person",
  aliases = { "王毅", "Ван И" },  -- Chinese and Russian forms
  description = "China's foreign minister, quoted on the sovereignty and "
    .. "territorial integrity of every country, Ukraine included." }

entity { id = "trenin", name = "Dmitrij Trenin", kind = "person",
  aliases = { "Trenin", "Dmitri Trenin", "Dmitry Trenin" },
  description = "A leading Russian specialist on Russian foreign policy, "
    .. "quoted as enthusiastic about the joint statement." }

entity { id = "karaganov", name = "Sergey Karaganov", kind = "person",
  aliases = { "Karaganov", "Sergei Karaganov" },
  description = "A Russian expert close to the Kremlin, quoted as seeing the "
    .. "China relationship as an ace in talks with the West." }

entity { id = "kolesnikov", name = "Andrei Kolesnikov", kind = "person",
  aliases = { "Kolesnikov", "Andrey Kolesnikov" },
  description = "A Russian commentator, quoted urging caution about Chinese "
    .. "willingness to engage in Russia's conflicts." }

entity { id = "pascal-abb", name = "Pascal Abb", kind = "person",
  aliases = { "Abb" },
  description = "Co-author of the article (PRIF); author of references 1 "
    .. "and 2." }

entity { id = "mikhail-polianskii", name = "Mikhail Polianskii",
  kind = "person", aliases = { "Polianskii" },
  description = "Co-author of the article (PRIF); from the bibliographic "
    .. "record, not named in the text." }

entity { id = "anja-jetschke", name = "Anja Jetschke", kind = "person",
  aliases = { "Jetschke" },
  description = "Co-author of reference 2." }

entity { id = "matthew-stephen", name = "Matthew D. Stephen", kind = "person",
  aliases = { "Matthew Stephen" },
  description = "Co-editor of the volume of reference 2." }

entity { id = "michael-zurn", name = "Michael Zürn", kind = "person",
  aliases = { "Zürn" },
  description = "Co-editor of the volume of reference 2." }

entity { id = "adam-liff", name = "Adam P. Liff", kind = "person",
  aliases = { "Liff", "Adam Liff" },
  description = "Author of reference 3." }

entity { id = "stella-zhang", name = "Stella Hong Zhang", kind = "person",
  aliases = {},
  description = "Author of reference 4." }

------------------------------------------------------------------------------
-- Places and regions
------------------------------------------------------------------------------

entity { id = "taiwan", name = "Taiwan", kind = "place",
  aliases = { "台湾", "Тайвань" },  -- Chinese and Russian forms
  description = "The island that China claims under the \"One China\" "
    .. "principle; the subject of the rejected parallel-attack scenario." }

entity { id = "crimea", name = "Crimea", kind = "place",
  aliases = { "克里米亚", "Крым" },  -- Chinese and Russian forms
  description = "The peninsula Russia occupied and annexed in 2014; the "
    .. "annexation remains unrecognized by China." }

entity { id = "europe", name = "Europe", kind = "place",
  aliases = { "European",
              "欧洲", "Европа" },  -- Chinese and Russian forms
  description = "Europe as a region (\"European NATO members\", a U.S. "
    .. "reorientation towards Europe)." }

entity { id = "eastern-europe", name = "Eastern Europe", kind = "place",
  aliases = {},
  description = "The region in which Ukraine has been one of the biggest "
    .. "destinations of Chinese investment." }

entity { id = "asia", name = "Asia", kind = "place",
  aliases = { "亚洲", "Азия" },  -- Chinese and Russian forms
  description = "Asia as a theatre of U.S. pressure (Trenin's quotation)." }

entity { id = "central-asia", name = "Central Asia", kind = "place",
  aliases = { "中亚", "Центральная Азия" },  -- Chinese and Russian forms
  description = "Post-Soviet Central Asia: a field of joint Sino-Russian "
    .. "initiatives and of China's growing economic penetration." }

entity { id = "indo-pacific", name = "Indo-Pacific", kind = "place",
  aliases = {},
  description = "The region of U.S.-led alliance schemes such as AUKUS." }

------------------------------------------------------------------------------
-- Companies
------------------------------------------------------------------------------

entity { id = "motor-sich", name = "Motor Sich", kind = "company",
  aliases = { "MotorSich" },
  description = "Ukrainian aircraft-engine manufacturer; its attempted "
    .. "acquisition by Skyrizon was blocked." }

entity { id = "skyrizon", name = "Skyrizon", kind = "company",
  aliases = {},
  description = "Chinese company whose attempted acquisition of Motor Sich "
    .. "was put on hold after U.S. lobbying and cancelled by Ukraine." }

------------------------------------------------------------------------------
-- Documents
------------------------------------------------------------------------------

entity { id = "joint-statement", name = "Sino-Russian joint statement of 4 February 2022",
  kind = "document",
  aliases = { "joint statement",                       -- as in the text
              "international relations in a new era" }, -- its quoted title
  description = "The Joint Statement of Russia and China on the International "
    .. "Relations Entering a New Era and the Global Sustainable Development, "
    .. "published during Putin's visit to Beijing." }

entity { id = "article", name = "A new Sino-Russian Entente? The limits of cooperation on Ukraine and beyond",
  kind = "document",
  aliases = { "PRIF Spotlight 2/2022" },
  description = "The article itself (Abb and Polianskii, PRIF Spotlight "
    .. "2/2022); the speaker of the authors' own scare quotes." }

entity { id = "modern-china", name = "Modern China", kind = "document",
  aliases = {},
  description = "The journal of reference 1." }

entity { id = "china-quarterly", name = "The China Quarterly", kind = "document",
  aliases = { "China Quarterly" },
  description = "The journal of reference 3." }

entity { id = "contested-world-orders", name = "Contested World Orders",
  kind = "document", aliases = {},
  description = "The edited volume (Stephen and Zürn, 2019) of reference 2." }

entity { id = "panda-paw-dragon-claw", name = "Panda Paw Dragon Claw",
  kind = "document", aliases = {},
  description = "The blog of reference 4." }

------------------------------------------------------------------------------
-- Initiatives
------------------------------------------------------------------------------

entity { id = "bri", name = "Belt and Road Initiative", kind = "initiative",
  aliases = { "BRI", "Belt and Road",
              "一带一路" },  -- Chinese and Russian forms
  description = "China's programme of trans-Eurasian transport links, some of "
    .. "which run through Ukraine." }

------------------------------------------------------------------------------
-- Events named as such
------------------------------------------------------------------------------

entity { id = "olympics-2022", name = "Olympic Games", kind = "event",
  aliases = { "Winter Olympics", "Beijing Olympics" },
  description = "The 2022 Winter Olympics in Beijing, whose opening Putin "
    .. "attended on 2022-02-04." }

entity { id = "summit-for-democracy", name = "Summit for Democracy",
  kind = "event", aliases = {},
  description = "The U.S.-sponsored virtual summit of December 2021 that "
    .. "triggered the statement's critique of Western notions of democracy." }

entity { id = "ukraine-crisis-2022", name = "crisis over Ukraine", kind = "event",
  aliases = { "current crisis", "military standoff over Ukraine" },
  description = "The 2021-22 Russian military build-up and standoff over "
    .. "Ukraine: the article's short term." }

entity { id = "ukraine-crisis-2014", name = "2014 crisis", kind = "event",
  aliases = {},
  description = "The 2014 crisis over Ukraine and Russia's occupation of "
    .. "Crimea, the baseline of China's unchanged position." }

entity { id = "gas-deal-2022", name = "gas deal", kind = "event",
  aliases = {},
  description = "The Gazprom-CNPC gas contract signed on 2022-02-04 "
    .. "alongside the joint statement." }

entity { id = "cold-war", name = "Cold War", kind = "event",
  aliases = { "冷战", "холодная война" },  -- Chinese and Russian forms
  description = "Named in the statement's call on NATO to abandon its "
    .. "\"ideologized Cold War approaches\"." }

------------------------------------------------------------------------------
-- Entities these rows need that the entities above lack. None of them is
-- named in the article (spec/forecasts_data_spec.lua checks that no alias occurs in
-- it), so they add no mentions; each description says it comes from
-- HINDSIGHT.md.
------------------------------------------------------------------------------

entity { id = "xi-jinping", name = "Xi Jinping", kind = "person",
  aliases = { "Xi",
              "习近平", "Си Цзиньпин" },  -- Chinese and Russian forms
  description = "China's leader: he met Putin at Samarkand (2022), made a "
    .. "state visit to Moscow (2023) and called Zelensky (2023). Not named in "
    .. "the article (one of its \"both leaders\"); from HINDSIGHT.md." }

entity { id = "zelensky", name = "Volodymyr Zelensky", kind = "person",
  aliases = { "Zelensky", "Zelenskyy",
              "泽连斯基", "Зеленский", "Владимир Зеленский" },  -- Chinese and Russian forms
  description = "Volodymyr Zelensky, whom Xi called and Li Hui met in Kyiv "
    .. "in 2023. Not named in the article; from HINDSIGHT.md." }

entity { id = "li-hui", name = "Li Hui", kind = "person",
  aliases = {},
  description = "China's special representative whose 2023 tour took him to "
    .. "Kyiv and Moscow. From HINDSIGHT.md." }

entity { id = "unga", name = "UN General Assembly", kind = "organization",
  aliases = { "UNGA", "General Assembly" },
  description = "The General Assembly of the United Nations, whose emergency "
    .. "special session (resolutions ES-11/1 to ES-11/6) voted on the war. "
    .. "From HINDSIGHT.md." }

entity { id = "japan", name = "Japan", kind = "state",
  aliases = { "Japanese", "Tokyo",
              "日本", "Япония" },  -- Chinese and Russian forms
  description = "Host of the Quad leaders' summit of May 2022, around which "
    .. "Chinese and Russian bombers flew a joint patrol. From HINDSIGHT.md." }

entity { id = "quad", name = "Quad", kind = "organization",
  aliases = {},
  description = "The grouping whose leaders met in Tokyo on 2022-05-24 (the "
    .. "row names it \"the Quad\"). From HINDSIGHT.md." }

entity { id = "sco", name = "SCO", kind = "organization",
  aliases = { "上海合作组织", "上合组织", "ШОС" },  -- Chinese and Russian forms
  description = "The organisation whose Samarkand summit (September 2022) "
    .. "brought Xi and Putin together. From HINDSIGHT.md." }

entity { id = "chouzhou-commercial-bank", name = "Chouzhou Commercial Bank",
  kind = "company", aliases = {},
  description = "A Chinese bank reported in February 2024 to have halted "
    .. "settlements with Russia. From HINDSIGHT.md." }
